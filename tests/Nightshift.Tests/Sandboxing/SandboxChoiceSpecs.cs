using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Nightshift.Tests.BurnDown;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Sandboxing;

/// <summary>
/// Secure by default (issue 14): without a working sandbox, the commands that run code from a worktree refuse with exit 2
/// and say how to install bubblewrap or turn the sandbox off; with <c>sandbox: off</c> they run, and say so.
/// </summary>
public sealed class SandboxChoiceSpecs
{
    // A machine without bubblewrap, as far as Nightshift can tell.
    private const string MissingBubblewrap = "\nsandbox:\n  bubblewrap: /nonexistent/bin/bwrap\n";

    [Fact(Timeout = 120_000)]
    public async Task Without_bubblewrap_a_night_and_a_verify_refuse_with_exit_2_before_they_start()
    {
        using var repo = await NightRepo.CreateAsync();
        repo.Repo.Write("nightshift.yml", repo.Repo.Read("nightshift.yml") + MissingBubblewrap);
        await repo.Repo.CommitAllAsync("no bubblewrap here");
        var patch = repo.Repo.Write(".nightshift/empty.patch", "");

        var run = await CliRun.InProcessAsync(repo.Path, ["run"]);
        var verify = await CliRun.InProcessAsync(repo.Path, ["verify", "--patch", patch]);

        foreach (var refused in new[] { run, verify })
        {
            refused.ExitCode.Should().Be(2, refused.Err);
            refused.Err.Should().Contain("no sandbox to run the repository's commands in: bubblewrap is not installed")
                .And.Contain("/nonexistent/bin/bwrap").And.Contain("apt-get install bubblewrap").And.Contain("'sandbox: off'");
        }

        File.Exists(repo.Repo[".nightshift/journal.db"]).Should().BeFalse("nothing was started");
        (await repo.Repo.GitAsync("branch", "--list", "nightshift/*")).Should().BeEmpty();
    }

    [Fact(Timeout = 300_000)]
    public async Task With_the_sandbox_off_a_night_runs_unconfined_and_every_report_says_so()
    {
        using var repo = await NightRepo.CreateAsync();
        repo.Repo.Write("nightshift.yml", repo.Repo.Read("nightshift.yml") + "\nsandbox: off\n");
        await repo.Repo.CommitAllAsync("unconfined");

        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);
        var markdown = await CliRun.InProcessAsync(repo.Path, ["report"]);
        var html = await CliRun.InProcessAsync(repo.Path, ["report", "--format", "html"]);
        var json = await CliRun.InProcessAsync(repo.Path, ["report", "--format", "json"]);

        run.ExitCode.Should().Be(0, run.Err);
        JsonNode.Parse(run.Out)!["sandbox"]!.GetValue<string>().Should().Be("off");
        run.Err.Should().Contain("sandbox: off (commands ran unconfined)");
        markdown.Out.Should().Contain("- Sandbox: off (commands ran unconfined)\n");
        new HtmlParser().ParseDocument(await File.ReadAllTextAsync(html.Out.Trim())).QuerySelector("[data-field='session.sandbox']")!.TextContent
            .Should().Be("off (commands ran unconfined)");
        JsonNode.Parse(json.Out)!["session"]!["sandbox"]!.GetValue<string>().Should().Be("off");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_night_in_the_sandbox_journals_bubblewrap_and_its_report_has_no_unconfined_line()
    {
        using var repo = await NightRepo.CreateAsync();

        var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);
        var markdown = await CliRun.InProcessAsync(repo.Path, ["report"]);

        run.ExitCode.Should().Be(0, run.Err);
        JsonNode.Parse(run.Out)!["sandbox"]!.GetValue<string>().Should().Be("bubblewrap");
        markdown.Out.Should().NotContain("Sandbox:");
    }
}
