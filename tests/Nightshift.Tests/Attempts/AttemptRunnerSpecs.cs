using Nightshift.Agents;
using Nightshift.Attempts;
using Nightshift.Store;
using Nightshift.Tests.Agents.External;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Attempts;

/// <summary>An attempt that cannot be decided is journaled as abandoned with why, whatever ended it.</summary>
public sealed class AttemptRunnerSpecs : IDisposable
{
    private readonly TempDir _dir = new("attempt-runner");

    [Fact(Timeout = 30_000)]
    public async Task A_failure_the_runner_does_not_expect_ends_the_workload_and_journals_the_attempt_as_abandoned()
    {
        await using var journal = Journal.Open(_dir["nightshift.db"]);
        var session = await journal.StartSessionAsync("test", "-", "0", CancellationToken.None);
        var runner = new AttemptRunner(journal, "test", paths: null, model: null);
        var plan = new AttemptPlan(
            session.Id, new NewTask("test", "k", "a task"), "agent",
            (_, _) => Task.FromResult(new AgentResult(AgentStopReason.Finished, AgentUsage.None, 1)), AgentBudget.Unlimited);
        await using var work = new DiskFullWork(_dir.Path);

        var run = () => runner.RunAsync(plan, work, observer: null, CancellationToken.None, CancellationToken.None);

        (await run.Should().ThrowAsync<IOException>()).Which.Message.Should().Be("No space left on device");
        var attempt = (await journal.SessionAttemptsAsync(session.Id, CancellationToken.None)).Should().ContainSingle().Which;
        attempt.State.Should().Be(AttemptState.Abandoned);
        attempt.StopReason.Should().Be("the harness failed: IOException: No space left on device");
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A workload whose capture of the change fails with the disk full.</summary>
    private sealed class DiskFullWork(string workspace) : IAttemptWork<int>
    {
        public Task<AttemptSetup> PrepareAsync(long attemptId, CancellationToken cancellationToken) => Task.FromResult(
            new AttemptSetup(new AgentTask("k", "test", "a task", new Dictionary<string, string>(), []), workspace, new CommandAgentSpecs.NoChecks(),
                new Dictionary<string, string>(), []));

        public Task<AttemptChange> CaptureAsync(CancellationToken cancellationToken) => throw new IOException("No space left on device");

        public Task<AttemptJudgement<int>> JudgeAsync(AttemptChange change, string? agentSaid, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Nothing was captured to judge.");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
