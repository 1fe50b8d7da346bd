using Microsoft.Data.Sqlite;
using Nightshift.Files;
using Nightshift.Reports;
using Nightshift.Store;
using Nightshift.Tests.Support;
using Nightshift.Verification;

namespace Nightshift.Tests.Reports;

/// <summary>
/// What the report says was verified comes from the verdict the verifier journaled, for every workload: a night's commits
/// keep their figures when their messages say nothing, and an eval's rejections are the verdict's own reasons.
/// </summary>
public sealed class ReportVerdictFiguresSpecs
{
    private static readonly CancellationToken _ct = CancellationToken.None;

    [Fact(Timeout = 240_000)]
    public async Task A_nights_commits_show_the_verdicts_figures_even_when_their_messages_carry_no_trailer()
    {
        using var repo = await BurnDown.NightRepo.CreateAsync();
        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);
        run.ExitCode.Should().Be(0, run.Err);

        // The figures are not read back from the messages: without them the report still has every one.
        await using (var connection = new SqliteConnection($"Data Source={NightshiftPaths.For(repo.Path).Journal}"))
        {
            await connection.OpenAsync(_ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE commits SET message = 'a message without trailers'";
            (await command.ExecuteNonQueryAsync(_ct)).Should().Be(3);
        }

        SqliteConnection.ClearAllPools();
        await using var journal = Journal.Open(NightshiftPaths.For(repo.Path).Journal);
        var report = await ReportLoader.LoadAsync(journal, null, ReportTargets.Default, DateTimeOffset.UtcNow, _ct);
        var attempts = (await journal.SessionAttemptsAsync(report.Session.Id, _ct)).ToDictionary(a => a.Id);
        report.Commits.Should().HaveCount(3);
        foreach (var commit in report.Commits)
        {
            var verdict = VerdictJson.Deserialize(attempts[commit.AttemptId].VerdictJson!);
            commit.Verified.Should().Be(verdict.Figures.Verified).And.StartWith(commit.Cluster).And.Contain("; tests 7/7");
        }
    }
}
