using System.Globalization;
using System.Text.Json.Nodes;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Reports;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.BurnDown;

public sealed class DemoSpecs
{
    [Fact(Timeout = 300_000)]
    public async Task The_demo_lands_verified_commits_and_both_reports_show_what_the_journal_and_git_log_hold()
    {
        using var scratch = new TempDir("demo");
        var root = scratch["night"];

        var run = await CliRun.InProcessAsync(scratch.Path, ["demo", "--dir", root, "--json"]);

        run.ExitCode.Should().Be(0, run.Err);
        var result = JsonNode.Parse(run.Out)!;
        var branch = result["branch"]!.GetValue<string>();
        var sessionId = result["session"]!.GetValue<long>();
        result["commits"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(3);

        // git log of the session branch: every commit a ticket, in order, with the verifier's figures.
        var log = (await Git(root, "log", "--reverse", "--format=%H%x09%s%x09%(trailers:key=Verified,valueonly,separator=)", $"main..{branch}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .ToList();
        log.Should().HaveCount(result["commits"]!.GetValue<int>());

        await using var journal = Journal.Open(NightshiftPaths.For(root).Journal);
        var commits = await journal.SessionCommitsAsync(sessionId, CancellationToken.None);
        commits.Select(c => c.Sha).Should().Equal(log.Select(l => l[0]));
        commits.Select(c => c.Ticket).Should().Equal(Enumerable.Range(1, log.Count).Select(n => $"NS-{n:0000}"));
        var (first, last) = await journal.FirstAndLastSnapshotAsync(sessionId, CancellationToken.None);
        var attempts = await journal.SessionAttemptsAsync(sessionId, CancellationToken.None);

        var html = ReportFixture.Parse(File.ReadAllText(result["report_html"]!.GetValue<string>()));
        string Field(string name) => html.QuerySelector($"[data-field='{name}']")?.TextContent
            ?? throw new InvalidOperationException($"the report has no field {name}");
        Field("session.id").Should().Be(sessionId.ToString(CultureInfo.InvariantCulture));
        Field("session.branch").Should().Be(branch);
        Field("session.stop_reason").Should().Be(result["stop_reason"]!.GetValue<string>());
        Field("summary.commits").Should().Be(log.Count.ToString(CultureInfo.InvariantCulture));
        Field("summary.errors_before").Should().Be(first!.Errors.ToString(CultureInfo.InvariantCulture)).And.Be("59");
        Field("summary.errors_after").Should().Be(last!.Errors.ToString(CultureInfo.InvariantCulture)).And.Be(result["errors_now"]!.ToString());
        Field("summary.attempts").Should().Be(attempts.Count.ToString(CultureInfo.InvariantCulture));
        Field("summary.landed").Should().Be(attempts.Count(a => a.State == AttemptState.Landed).ToString(CultureInfo.InvariantCulture));
        Field("summary.rejected").Should().Be(attempts.Count(a => a.State == AttemptState.Rejected).ToString(CultureInfo.InvariantCulture));
        Field("target[tests_pass].outcome").Should().Be("met");
        foreach (var (commit, line) in commits.Zip(log))
        {
            Field($"commit[{commit.Ticket}].sha").Should().Be(line[0][..10]);
            Field($"commit[{commit.Ticket}].verified").Should().Be(line[2].Trim());
            Field($"commit[{commit.Ticket}].subject").Should().Be(line[1]);
        }

        foreach (var cluster in first.Clusters)
        {
            Field($"cluster[{cluster.Key}].before").Should().Be(cluster.Count.ToString(CultureInfo.InvariantCulture));
            Field($"cluster[{cluster.Key}].after").Should().Be(
                (last.Clusters.FirstOrDefault(c => c.Key == cluster.Key)?.Count ?? 0).ToString(CultureInfo.InvariantCulture));
        }

        var markdown = File.ReadAllText(result["report_md"]!.GetValue<string>());
        foreach (var commit in commits)
        {
            markdown.Should().Contain($"| {commit.Ticket} |").And.Contain(commit.Sha[..10]);
        }

        markdown.Should().Contain($"- Errors: {first.Errors} -> {last.Errors}");
    }

    private static async Task<string> Git(string root, params string[] arguments)
    {
        var run = await ToolRun.RunAsync("git", arguments, root, new Dictionary<string, string>(), TimeSpan.FromSeconds(30), CancellationToken.None);
        run.ExitCode.Should().Be(0, run.StandardError);
        return run.StandardOutput;
    }
}
