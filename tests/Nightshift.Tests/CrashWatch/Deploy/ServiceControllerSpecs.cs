using System.Collections.Concurrent;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Telemetry.Events;
using Nightshift.Tests.Support;
using Nightshift.Workloads.CrashWatch.Deploy;

namespace Nightshift.Tests.CrashWatch.Deploy;

/// <summary>
/// Deploys against real processes: a "service" that is a sleeping shell, healthy while it runs and its release folder holds
/// a file named ok. A release that fails its health check is stopped and the previous one started again; a service that ignores
/// SIGTERM is killed after the grace period; a later session finds the service an earlier one started.
/// </summary>
public sealed class ServiceControllerSpecs : IDisposable
{
    private readonly TempDir _dir = new("service");
    private readonly ConcurrentQueue<SessionEvent> _events = new();
    private readonly List<ServiceController> _controllers = [];

    public void Dispose()
    {
        foreach (var controller in _controllers)
        {
            controller.Process?.StopAsync(TimeSpan.Zero, alreadyAsked: false, CancellationToken.None).GetAwaiter().GetResult();
            controller.Dispose();
        }

        _dir.Dispose();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_service_that_is_not_healthy_at_start_is_started_from_the_repository()
    {
        _dir.Write("repo/ok", "");
        var service = Controller(Healthy());

        var problem = await service.EnsureRunningAsync(CancellationToken.None);

        problem.Should().BeNull();
        service.Current.IsRepository.Should().BeTrue();
        service.Process!.IsRunning.Should().BeTrue();
        Kinds().Should().Equal("service.started", "service.health_checked");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_healthy_release_replaces_the_running_one()
    {
        _dir.Write("repo/ok", "");
        _dir.Write("releases/NS-0001/ok", "");
        var service = Controller(Healthy());
        await service.EnsureRunningAsync(CancellationToken.None);
        var before = service.Process!;

        var outcome = await service.DeployAsync(new Release("NS-0001", _dir["releases/NS-0001"]), CancellationToken.None);

        outcome.Should().BeOfType<DeployOutcome.Deployed>();
        before.IsRunning.Should().BeFalse("the old release was stopped");
        service.Current.Name.Should().Be("NS-0001");
        service.Process!.IsRunning.Should().BeTrue();
        Kinds().Should().Equal("service.started", "service.health_checked", "service.stopped", "service.started", "service.health_checked");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_release_that_fails_its_health_check_is_rolled_back_to_the_previous_one_which_runs_again()
    {
        _dir.Write("repo/ok", "");
        Directory.CreateDirectory(_dir["releases/NS-0002"]);
        var service = Controller(Healthy() with { HealthTimeout = TimeSpan.FromSeconds(1) });
        await service.EnsureRunningAsync(CancellationToken.None);

        var outcome = await service.DeployAsync(new Release("NS-0002", _dir["releases/NS-0002"]), CancellationToken.None);

        var rolledBack = outcome.Should().BeOfType<DeployOutcome.RolledBack>().Subject;
        rolledBack.Failed.Name.Should().Be("NS-0002");
        rolledBack.Restored.IsRepository.Should().BeTrue();
        rolledBack.Problem.Should().Contain("exited 1");
        service.Current.IsRepository.Should().BeTrue();
        service.Process!.IsRunning.Should().BeTrue();
        (await service.EnsureRunningAsync(CancellationToken.None)).Should().BeNull("the restored build answers its health check");
        Kinds().Should().EndWith(["service.stopped", "service.started", "service.health_checked", "service.rolled_back"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task When_neither_release_is_healthy_the_outcome_says_the_service_is_down()
    {
        Directory.CreateDirectory(_dir["repo"]);
        Directory.CreateDirectory(_dir["releases/NS-0003"]);
        var service = Controller(Healthy() with { HealthTimeout = TimeSpan.FromMilliseconds(500) });

        var outcome = await service.DeployAsync(new Release("NS-0003", _dir["releases/NS-0003"]), CancellationToken.None);

        outcome.Should().BeOfType<DeployOutcome.ServiceDown>();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_service_that_ignores_SIGTERM_is_killed_after_the_grace_period()
    {
        _dir.Write("repo/ok", "");
        _dir.Write("releases/NS-0004/ok", "");
        var stubborn = Healthy() with { Start = StartWritingPid($"exec '{Binaries.Dummy}' ignore-sigterm 600"), Grace = TimeSpan.FromMilliseconds(500) };
        var service = Controller(stubborn);
        await service.EnsureRunningAsync(CancellationToken.None);
        var before = service.Process!;
        await WaitUntilAsync(() => File.Exists(service.LogFile) && File.ReadAllText(service.LogFile).Contains("ready", StringComparison.Ordinal));

        await service.DeployAsync(new Release("NS-0004", _dir["releases/NS-0004"]), CancellationToken.None);

        before.IsRunning.Should().BeFalse();
        _events.OfType<ServiceStopped>().Single().KilledAfterGrace.Should().BeTrue();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_later_session_stops_the_service_an_earlier_one_started()
    {
        _dir.Write("repo/ok", "");
        _dir.Write("releases/NS-0005/ok", "");
        var earlier = Controller(Healthy());
        await earlier.EnsureRunningAsync(CancellationToken.None);
        var started = earlier.Process!;

        var later = Controller(Healthy());
        later.Process!.Pid.Should().Be(started.Pid);
        await later.DeployAsync(new Release("NS-0005", _dir["releases/NS-0005"]), CancellationToken.None);

        started.IsRunning.Should().BeFalse();
        later.Process!.Pid.Should().NotBe(started.Pid);
    }

    /// <summary>A sleeping shell, healthy while it runs and its release folder has a file named ok.</summary>
    private static ServiceConfig Healthy() => new()
    {
        Start = StartWritingPid("exec sleep 600"),
        Health = new HealthCheck.Command(ConfiguredCommand.Shell(
            "test -f \"$NIGHTSHIFT_RELEASE/ok\" && kill -0 \"$(cat \"$NIGHTSHIFT_RELEASE/pid\")\" 2>/dev/null")),
        HealthTimeout = TimeSpan.FromSeconds(20),
        Grace = TimeSpan.FromSeconds(5),
    };

    /// <summary>A start command that leaves its PID in the release folder (exec keeps it) for the health check.</summary>
    private static ConfiguredCommand StartWritingPid(string exec) => ConfiguredCommand.Shell($"echo $$ > \"$NIGHTSHIFT_RELEASE/pid\"; {exec}");

    private ServiceController Controller(ServiceConfig config)
    {
        var controller = new ServiceController(config, _dir["repo"], NightshiftPaths.For(_dir["repo"]), new ProcessRunner(), (sessionEvent, _, _) =>
        {
            _events.Enqueue(sessionEvent);
            return Task.CompletedTask;
        });
        _controllers.Add(controller);
        return controller;
    }

    private List<string> Kinds() => [.. _events.Select(e => EventJson.KindOf(e.GetType()))];

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(20);
        }
    }
}
