using System.Text.Json;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Telemetry;

public sealed class StatusCommandSpecs : IDisposable
{
    private readonly TempDir _repo = new("status-cli");

    public StatusCommandSpecs() => _repo.Write("nightshift.yml", "version: 1\n");

    private string NightshiftDirectory => _repo[".nightshift"];

    [Fact(Timeout = 30_000)]
    public async Task Without_a_status_file_the_state_is_idle_and_the_exit_code_0()
    {
        var json = await CliRun.InProcessAsync(_repo.Path, ["status", "--json"]);
        var human = await CliRun.InProcessAsync(_repo.Path, ["status"]);

        json.ExitCode.Should().Be(ExitCodes.Ok, json.Err);
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("state").GetString().Should().Be("idle");
        document.RootElement.GetProperty("session").ValueKind.Should().Be(JsonValueKind.Null);
        document.RootElement.GetProperty("lock").GetProperty("held").GetBoolean().Should().BeFalse();
        document.RootElement.GetProperty("status_file").GetString().Should().Be(Path.Combine(NightshiftDirectory, "status.json"));
        human.ExitCode.Should().Be(ExitCodes.Ok);
        Flat(human.Out).Should().Contain("No session status at").And.Contain("no session has run here yet").And.Contain("Lock: free");
        Directory.Exists(NightshiftDirectory).Should().BeFalse("status only reads");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_running_session_shows_its_status_and_the_lock_holder()
    {
        StatusFile.Write(Path.Combine(NightshiftDirectory, "status.json"), StatusFileSpecs.Status(clusters: 3));
        using var held = SessionLock.Acquire(NightshiftFolder.Of(NightshiftDirectory), "run");

        var json = await CliRun.InProcessAsync(_repo.Path, ["status", "--json"]);
        var human = await CliRun.InProcessAsync(_repo.Path, ["status"]);

        json.ExitCode.Should().Be(ExitCodes.Ok, json.Err);
        using var document = JsonDocument.Parse(json.Out);
        var root = document.RootElement;
        root.GetProperty("state").GetString().Should().Be("running");
        root.GetProperty("session").GetProperty("session_id").GetInt64().Should().Be(7);
        root.GetProperty("session").GetProperty("commits_landed").GetInt32().Should().Be(3);
        root.GetProperty("lock").GetProperty("held").GetBoolean().Should().BeTrue();
        root.GetProperty("lock").GetProperty("holder").GetProperty("pid").GetInt32().Should().Be(Environment.ProcessId);
        root.GetProperty("lock").GetProperty("holder").GetProperty("purpose").GetString().Should().Be("run");

        human.ExitCode.Should().Be(ExitCodes.Ok, human.Err);
        var text = Flat(human.Out);
        text.Should().Contain("nightshift · session 7 · burn-down")
            .And.Contain("State running · phase burn-down")
            .And.Contain("Commits 3 landed · 2 rejected")
            .And.Contain("Errors 40 at baseline → 28 now (-12)")
            .And.Contain($"Lock held by pid {Environment.ProcessId}")
            .And.Contain("rustc:error:E0308")
            .And.Contain("edit src/lib.rs");
        human.Out.Should().MatchRegex(@"Time\s+│?\s*█+░+\s+13%", "the time budget is drawn as a bar");
        human.Out.Should().NotContain("\u001b[", "redirected output has no ANSI escapes");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_running_status_whose_lock_is_free_belongs_to_a_session_that_died()
    {
        StatusFile.Write(Path.Combine(NightshiftDirectory, "status.json"), StatusFileSpecs.Status(clusters: 0));

        var json = await CliRun.InProcessAsync(_repo.Path, ["status", "--json"]);
        var human = await CliRun.InProcessAsync(_repo.Path, ["status"]);

        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("state").GetString().Should().Be("interrupted");
        Flat(human.Out).Should().Contain("interrupted: the status says running but no process holds the lock");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_ended_session_shows_why_it_stopped()
    {
        var ended = StatusFileSpecs.Status(clusters: 0) with { State = SessionState.Ended, StopReason = "time-budget" };
        StatusFile.Write(Path.Combine(NightshiftDirectory, "status.json"), ended);

        var json = await CliRun.InProcessAsync(_repo.Path, ["status", "--json"]);
        var human = await CliRun.InProcessAsync(_repo.Path, ["status"]);

        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("state").GetString().Should().Be("ended");
        document.RootElement.GetProperty("session").GetProperty("stop_reason").GetString().Should().Be("time-budget");
        Flat(human.Out).Should().Contain("State ended · time-budget");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_corrupt_status_file_fails_with_its_path()
    {
        _repo.Write(".nightshift/status.json", "{ not json");

        var result = await CliRun.InProcessAsync(_repo.Path, ["status"]);

        result.ExitCode.Should().Be(ExitCodes.Failed);
        result.Err.Should().Contain(Path.Combine(NightshiftDirectory, "status.json")).And.Contain("is not a Nightshift status file");
    }

    public void Dispose() => _repo.Dispose();

    // Panel borders and column padding out: "│ Commits  3 landed │" reads "Commits 3 landed".
    internal static string Flat(string rendered) =>
        string.Join(' ', rendered.Split(['│', '╭', '╮', '╰', '╯', '─', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
