using Nightshift.Attempts.Episodes;
using Nightshift.Files;
using Nightshift.Reports;
using Nightshift.Store;
using Nightshift.Tests.Support;
using Nightshift.Verification;
using Nightshift.Workloads.Bench.Results;

namespace Nightshift.Tests.Bench;

/// <summary>
/// A bench's runs are attempts of the shared attempt runner: each is journaled in a <c>bench</c> session with the
/// verifier's verdict and an episode, and the report reads those verdicts with the verifier's type.
/// </summary>
public sealed class BenchJournalSpecs : IDisposable
{
    private readonly TempDir _dir = new("bench-journal");

    [Fact(Timeout = 120_000)]
    public async Task Every_run_is_an_attempt_of_a_bench_session_with_the_verifiers_verdict_which_the_report_reads()
    {
        var right = TinySuite.Answering("right", "right");
        var wrong = TinySuite.Answering("wrong", "left");
        var tamperer = new LambdaAgent("tamperer", async (request, cancellationToken) =>
        {
            await TinySuite.AnswerAsync(request, "right", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(request.Worktree, "notes.txt"), "touched\n", cancellationToken);
            return LambdaAgent.Finished();
        });
        var suite = TinySuite.Create(_dir).WithAgents(right, wrong, tamperer);

        var bench = await BenchFixture.RunAsync(suite, BenchFixture.Options(_dir), new TestAgentFactory(right, wrong, tamperer));

        bench.Manifest.Status.Should().Be(BenchState.Completed);
        var records = bench.Manifest.Runs.ToDictionary(r => r.Agent);
        records["right"].Status.Should().Be(RunStatus.Pass);
        records["wrong"].Failure.Should().Be(FailureClass.AcceptanceFailed);
        records["tamperer"].Failure.Should().Be(FailureClass.PolicyViolation);

        await using var journal = Journal.Open(NightshiftPaths.For(_dir.Path).Journal);
        var session = (await journal.ListSessionsAsync(CancellationToken.None)).Should().ContainSingle().Which;
        session.Workload.Should().Be(WorkloadNames.Bench);
        session.StopReason.Should().Be("done");
        var attempts = await journal.SessionAttemptsAsync(session.Id, CancellationToken.None);
        attempts.Select(a => a.Agent).Should().BeEquivalentTo("right", "wrong", "tamperer");
        foreach (var attempt in attempts)
        {
            var verdict = VerdictJson.Deserialize(attempt.VerdictJson!);
            verdict.IsAccepted.Should().Be(records[attempt.Agent].Status == RunStatus.Pass, attempt.Agent);
            attempt.Diff.Should().Contain("answer.txt");
        }

        var data = await ReportLoader.LoadAsync(journal, session.Id, ReportTargets.Default, DateTimeOffset.UtcNow, CancellationToken.None);
        data.Rejections.Select(g => (g.Reason, g.Attempts)).Should().BeEquivalentTo([("acceptance_failed", 1), ("tampered_with", 1)]);
        data.Rejections.Single(g => g.Reason == "acceptance_failed").Examples.Should().ContainSingle()
            .Which.Should().Contain("sh check.sh exited with 3");

        var episodes = await new EpisodeJournal(journal).ReadAsync(EpisodeQuery.All, CancellationToken.None);
        episodes.Should().HaveCount(3).And.OnlyContain(e => e.Workload == WorkloadNames.Bench);
        episodes.Count(e => e.Outcome == EpisodeOutcome.Accepted).Should().Be(1);
    }

    public void Dispose() => _dir.Dispose();
}
