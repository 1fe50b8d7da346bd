using Nightshift.Execution;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Execution;

/// <summary>
/// Timeouts, idle timeouts and cancellation stop the whole process tree. Where a test needs the tree to be
/// complete before the stop, it cancels on the dummy's "ready" line rather than betting on a timeout.
/// </summary>
public sealed class ProcessStopSpecs
{
    private static readonly TimeSpan _shortGrace = TimeSpan.FromMilliseconds(300);

    private readonly ProcessRunner _runner = new();

    private static CommandSpec Dummy(params string[] arguments) =>
        CommandSpec.Of(Binaries.Dummy, arguments) with { GracePeriod = _shortGrace };

    [Fact(Timeout = 30_000)]
    public async Task A_command_that_runs_too_long_is_stopped_with_SIGTERM()
    {
        var result = await _runner.RunAsync(Dummy("sleep", "30") with { Timeout = TimeSpan.FromSeconds(1) });

        result.StopCause.Should().Be(StopCause.TimedOut);
        result.ExitCode.Should().Be(143, "SIGTERM ended it");
        result.Succeeded.Should().BeFalse();
        result.WasKilled.Should().BeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_child_that_ignores_SIGTERM_is_killed_after_the_grace_period()
    {
        using var stop = new CancellationTokenSource();
        var spec = Dummy("ignore-sigterm", "30") with { OnOutput = CancelWhenReady(stop) };

        var result = await _runner.RunAsync(spec, stop.Token);

        result.StopCause.Should().Be(StopCause.Canceled);
        result.ExitCode.Should().Be(137, "only SIGKILL could end it");
    }

    [Fact(Timeout = 30_000)]
    public async Task After_a_timeout_no_process_of_a_stubborn_tree_survives()
    {
        // Two children ignoring SIGTERM, under a parent ignoring it too. Under heavy load the timeout may
        // fire before every child is up; whatever was started must be gone all the same.
        using var spawned = new SpawnedProcesses();
        var spec = Dummy("spawn-children", "2", "30") with { Timeout = TimeSpan.FromSeconds(2), OnOutput = spawned.Record };

        var result = await _runner.RunAsync(spec);

        result.StopCause.Should().Be(StopCause.TimedOut);
        spawned.Count.Should().BePositive();
        (await spawned.SurvivorsAsync()).Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancellation_stops_the_whole_tree()
    {
        using var spawned = new SpawnedProcesses();
        using var stop = new CancellationTokenSource();
        var spec = Dummy("spawn-children", "2", "30") with { OnOutput = Both(spawned.Record, CancelWhenReady(stop)) };

        var result = await _runner.RunAsync(spec, stop.Token);

        result.StopCause.Should().Be(StopCause.Canceled);
        spawned.Count.Should().Be(3, "the parent and both children said who they are before the stop");
        (await spawned.SurvivorsAsync()).Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Children_that_left_the_process_group_are_stopped_too()
    {
        using var spawned = new SpawnedProcesses();
        using var stop = new CancellationTokenSource();
        var spec = Dummy("spawn-children", "2", "30", "new-group") with { OnOutput = Both(spawned.Record, CancelWhenReady(stop)) };

        var result = await _runner.RunAsync(spec, stop.Token);

        result.StopCause.Should().Be(StopCause.Canceled);
        spawned.Count.Should().Be(3);
        (await spawned.SurvivorsAsync()).Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_setsid_the_tree_walk_alone_stops_every_process()
    {
        using var spawned = new SpawnedProcesses();
        using var stop = new CancellationTokenSource();
        var spec = Dummy("spawn-children", "2", "30") with { OnOutput = Both(spawned.Record, CancelWhenReady(stop)) };

        var result = await new ProcessRunner(setsid: null).RunAsync(spec, stop.Token);

        result.StopCause.Should().Be(StopCause.Canceled);
        spawned.Count.Should().Be(3);
        (await spawned.SurvivorsAsync()).Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Processes_a_command_leaves_behind_in_its_group_are_stopped_when_it_exits()
    {
        using var spawned = new SpawnedProcesses();
        var spec = Dummy("spawn-children", "1", "0") with { OnOutput = spawned.Record };

        var result = await _runner.RunAsync(spec);

        result.StopCause.Should().Be(StopCause.Exited);
        result.ExitCode.Should().Be(0);
        spawned.Count.Should().Be(2);
        (await spawned.SurvivorsAsync()).Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_process_that_escaped_the_tree_cannot_hold_the_run_open()
    {
        // The child leaves the group and is orphaned when its parent exits: nothing can find it any more,
        // and it holds the stdout pipe. The run still returns once the drain bound is over.
        using var spawned = new SpawnedProcesses();
        var spec = Dummy("spawn-children", "1", "0", "new-group") with { OnOutput = spawned.Record };

        var result = await _runner.RunAsync(spec);

        result.StopCause.Should().Be(StopCause.Exited);
        result.StandardOutput.Should().Contain("child ");
    }

    [Fact(Timeout = 30_000)]
    public async Task The_idle_timeout_stops_a_command_that_goes_silent()
    {
        var spec = Dummy("silent-then", "30") with { IdleTimeout = TimeSpan.FromSeconds(1) };

        var result = await _runner.RunAsync(spec);

        result.StopCause.Should().Be(StopCause.IdleTimedOut);
        result.StandardOutput.Should().Be("before the silence\n");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_command_that_keeps_printing_on_either_stream_is_not_idle()
    {
        // 41 lines 100 ms apart take 4 s, longer than the idle limit, with no gap anywhere near it. The limit
        // leaves room for a slow start of the dummy on a loaded machine (CI once took over a second).
        var spec = Dummy("tick", "41", "100") with { IdleTimeout = TimeSpan.FromSeconds(3) };

        var result = await _runner.RunAsync(spec);

        result.StopCause.Should().Be(StopCause.Exited);
        result.ExitCode.Should().Be(0);
        result.StandardOutput.Should().Contain("tick 41");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_throwing_output_callback_stops_the_tree_and_surfaces_its_exception()
    {
        using var spawned = new SpawnedProcesses();
        var spec = Dummy("spawn-children", "1", "30") with
        {
            OnOutput = line =>
            {
                spawned.Record(line);
                if (line.Text == "ready")
                {
                    throw new InvalidOperationException("callback bug");
                }
            },
        };

        var run = () => _runner.RunAsync(spec);

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("callback bug");
        spawned.Count.Should().Be(2);
        (await spawned.SurvivorsAsync()).Should().BeEmpty();
    }

    private static Action<OutputLine> CancelWhenReady(CancellationTokenSource stop) => line =>
    {
        if (line is { Channel: OutputChannel.StandardError, Text: "ready" })
        {
            stop.Cancel();
        }
    };

    private static Action<OutputLine> Both(Action<OutputLine> first, Action<OutputLine> second) => line =>
    {
        first(line);
        second(line);
    };
}
