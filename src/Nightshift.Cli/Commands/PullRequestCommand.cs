using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Landing;
using Nightshift.Reports;
using Nightshift.Store;

namespace Nightshift.Cli.Commands;

/// <summary>
/// <c>nightshift pr</c>: opens or updates the pull request of a session's branch (<c>landing.pull_request</c>) with its
/// morning report as the body. <c>nightshift run</c> does the same after a night that landed a fix.
/// </summary>
internal static class PullRequestCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var session = new Option<long?>("--session") { Description = "The session whose branch it is (default: the last one)", HelpName = "ID" };
        var command = new Command(
            "pr",
            "Open or update the pull request of a session's branch with its morning report as the body, through the CLI " +
            "landing.pull_request names (github: gh, gitlab: glab) and your own login. The branch must be on the remote " +
            "(landing.push). Never pushes. Example: nightshift pr --session 12")
        {
            session,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var config = globals.LoadConfig(parseResult, host);
            if (config.Landing.PullRequest == PullRequestHost.None)
            {
                throw new ConfigException(
                    $"{config.FilePath}: landing.pull_request is not set, so there is no forge to open a pull request on. " +
                    "Set it to github (gh) or gitlab (glab), with landing.push: true.");
            }

            var (opened, report) = await OpenAsync(host, config, parseResult.GetValue(session), cancellationToken);
            if (parseResult.GetValue(globals.Json))
            {
                var json = new JsonObject { ["session"] = report.Session.Id, ["branch"] = report.Session.Branch, ["action"] = opened.Action, ["url"] = opened.Url };
                await host.Out.WriteLineAsync(json.ToJsonString().AsMemory(), cancellationToken);
            }
            else
            {
                await host.Out.WriteLineAsync($"{opened.Action} the pull request of {report.Session.Branch}{(opened.Url is { } url ? $": {url}" : "")}".AsMemory(), cancellationToken);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The session's report, written under .nightshift/reports as the body, then the pull request opened or updated.</summary>
    public static async Task<(PullRequestResult Result, ReportData Report)> OpenAsync(
        CliHost host, NightshiftConfig config, long? sessionId, CancellationToken cancellationToken)
    {
        var paths = NightshiftPaths.For(config.RepositoryRoot);
        if (!File.Exists(paths.Journal))
        {
            throw new NightshiftException($"There is no journal at {paths.Journal}: no session has run here yet, so there is no branch to open a pull request from.");
        }

        ReportData report;
        await using (var journal = Journal.Open(paths.Journal))
        {
            report = await ReportLoader.LoadAsync(journal, sessionId, ReportTargets.Default, DateTimeOffset.UtcNow, cancellationToken);
        }

        var id = report.Session.Id.ToString(CultureInfo.InvariantCulture);
        var body = Path.Combine(paths.Reports, $"pr-{id}.md");
        await AtomicFile.WriteTextAsync(body, writer => writer.WriteAsync(MarkdownReport.Render(report)), cancellationToken);
        var title = report.Totals is { } totals
            ? $"Nightshift session {id}: {report.Commits.Count} fix(es), errors {totals.ErrorsBefore} -> {totals.ErrorsAfter}"
            : $"Nightshift session {id}: {report.Commits.Count} fix(es)";
        var result = await new PullRequests(new ProcessRunner(), config.Landing.PullRequest, config.RepositoryRoot)
            .OpenOrUpdateAsync(report.Session.Branch, title, body, cancellationToken);
        return (result, report);
    }
}
