using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Nightshift.Tests.BurnDown;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Landing;

/// <summary>
/// <c>landing.pull_request: github</c>: after a night that landed fixes and pushed its branch to a real (bare) remote, a
/// stand-in <c>gh</c> on PATH, which records its arguments and answers as the GitHub CLI does, is asked to create one pull
/// request with the report as its body; <c>nightshift pr</c> then updates that one. Nothing is force-pushed.
/// </summary>
public sealed class PullRequestSpecs
{
    private const string StandInGh = """
        #!/bin/sh
        printf '%s\n' "$*" >> "$GH_LOG"
        case "$1 $2" in
          "pr view") if [ -f "$GH_LOG.open" ]; then echo OPEN; else echo "no pull requests found for branch \"$3\"" >&2; exit 1; fi ;;
          "pr create") touch "$GH_LOG.open"; while [ $# -gt 0 ]; do [ "$1" = --body-file ] && cp "$2" "$GH_LOG.body"; shift; done
                       echo "https://github.example/team/repo/pull/7" ;;
          "pr edit") while [ $# -gt 0 ]; do [ "$1" = --body-file ] && cp "$2" "$GH_LOG.body"; shift; done
                     echo "https://github.example/team/repo/pull/7" ;;
          *) echo "unexpected: $*" >&2; exit 2 ;;
        esac
        """;

    [Fact(Timeout = 300_000)]
    [UnsupportedOSPlatform("windows")]
    public async Task A_night_opens_one_pull_request_with_its_report_and_nightshift_pr_updates_it_never_force_pushing()
    {
        using var night = await NightRepo.CreateAsync();
        using var tools = new TempDir("gh");
        using var remote = new TempDir("remote");
        tools.Write("bin/gh", StandInGh);
        File.SetUnixFileMode(tools["bin/gh"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await night.Repo.GitAsync("init", "--bare", "-q", remote.Path);
        await night.Repo.GitAsync("remote", "add", "origin", remote.Path);
        var config = await File.ReadAllTextAsync(night.Repo["nightshift.yml"]);
        night.Repo.Write("nightshift.yml", config.Replace("landing:\n", "landing:\n  push: true\n  pull_request: github\n", StringComparison.Ordinal));
        await night.Repo.CommitAllAsync("pull requests");
        var log = tools["gh.log"];
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = $"{tools["bin"]}:{Environment.GetEnvironmentVariable("PATH")}",
            ["GH_LOG"] = log,
        };

        var run = await CliRun.SubprocessAsync(night.Path, ["run", "--json"], environment);

        run.ExitCode.Should().Be(0, run.Err);
        var session = JsonNode.Parse(run.Out)!["session"]!.GetValue<long>();
        run.Err.Should().Contain("created the pull request of nightshift/test: https://github.example/team/repo/pull/7");
        var calls = await File.ReadAllLinesAsync(log);
        calls.Should().HaveCount(2);
        calls[0].Should().StartWith("pr view nightshift/test");
        calls[1].Should().StartWith($"pr create --head nightshift/test --title Nightshift session {session}: 3 fix(es), errors ");
        var body = await File.ReadAllTextAsync(log + ".body");
        body.Should().StartWith($"# Nightshift report: session {session} (burn-down)").And.Contain("- Commits: 3").And.Contain("<details><summary>NS-0001: ");
        (await night.Repo.GitAsync("ls-remote", remote.Path, "refs/heads/nightshift/test")).Should()
            .StartWith(await night.Repo.RevParseAsync("nightshift/test"), "the night pushed its branch, which the pull request is made from");

        var pr = await CliRun.SubprocessAsync(night.Path, ["pr", "--session", session.ToString(System.Globalization.CultureInfo.InvariantCulture)], environment);

        pr.ExitCode.Should().Be(0, pr.Err);
        pr.Out.Should().Contain("updated the pull request of nightshift/test: https://github.example/team/repo/pull/7");
        calls = await File.ReadAllLinesAsync(log);
        calls.Skip(2).Select(c => string.Join(' ', c.Split(' ').Take(3))).Should().Equal(["pr view nightshift/test", "pr edit nightshift/test"], "one pull request per branch: the open one is updated");
        calls.Should().NotContain(c => c.Contains("--force", StringComparison.Ordinal) || c.Contains("push", StringComparison.Ordinal));
    }

    [Fact(Timeout = 300_000)]
    [UnsupportedOSPlatform("windows")]
    public async Task On_gitlab_a_merge_request_is_created_then_updated_with_glab_and_the_report_as_its_description()
    {
        using var night = await NightRepo.CreateAsync();
        using var tools = new TempDir("glab");
        using var remote = new TempDir("remote");
        tools.Write("bin/glab", StandInGlab);
        File.SetUnixFileMode(tools["bin/glab"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await night.Repo.GitAsync("init", "--bare", "-q", remote.Path);
        await night.Repo.GitAsync("remote", "add", "origin", remote.Path);
        var config = await File.ReadAllTextAsync(night.Repo["nightshift.yml"]);
        night.Repo.Write("nightshift.yml", config.Replace("landing:\n", "landing:\n  push: true\n  pull_request: gitlab\n", StringComparison.Ordinal));
        await night.Repo.CommitAllAsync("merge requests");
        var log = tools["glab.log"];
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = $"{tools["bin"]}:{Environment.GetEnvironmentVariable("PATH")}",
            ["GLAB_LOG"] = log,
        };

        var run = await CliRun.SubprocessAsync(night.Path, ["run", "--json"], environment);
        var pr = await CliRun.SubprocessAsync(night.Path, ["pr", "--json"], environment);

        run.ExitCode.Should().Be(0, run.Err);
        pr.ExitCode.Should().Be(0, pr.Err);
        var session = JsonNode.Parse(run.Out)!["session"]!.GetValue<long>();
        JsonNode.Parse(pr.Out)!["action"]!.GetValue<string>().Should().Be("updated");
        // The log holds each call's arguments, the description's lines among them: the calls are the lines glab's verbs start.
        var calls = (await File.ReadAllLinesAsync(log)).Where(c => c.StartsWith("mr ", StringComparison.Ordinal))
            .Select(c => string.Join(' ', c.Split(' ').Take(3))).ToList();
        calls.Should().Equal("mr view nightshift/test", "mr create --source-branch", "mr view nightshift/test", "mr update nightshift/test");
        (await File.ReadAllTextAsync(log + ".description")).Should().StartWith($"# Nightshift report: session {session} (burn-down)");
    }

    private const string StandInGlab = """
        #!/bin/sh
        printf '%s\n' "$*" >> "$GLAB_LOG"
        case "$1 $2" in
          "mr view") [ -f "$GLAB_LOG.open" ] || { echo "no open merge request" >&2; exit 1; } ;;
          "mr create"|"mr update") touch "$GLAB_LOG.open"
                       while [ $# -gt 0 ]; do [ "$1" = --description ] && printf '%s' "$2" > "$GLAB_LOG.description"; shift; done
                       echo "https://gitlab.example/team/repo/-/merge_requests/3" ;;
          *) echo "unexpected: $*" >&2; exit 2 ;;
        esac
        """;

    [Fact(Timeout = 60_000)]
    public async Task A_pull_request_without_push_is_a_configuration_error_and_pr_without_a_forge_says_what_to_set()
    {
        using var repo = new TempDir("pr-config");
        repo.Write("nightshift.yml", "version: 1\nlanding:\n  pull_request: github\n");

        var refused = await CliRun.InProcessAsync(repo.Path, ["config"]);

        refused.ExitCode.Should().Be(2);
        refused.Err.Should().Contain("landing.pull_request: a pull request is opened from the session branch on the remote, and landing.push is off");

        repo.Write("nightshift.yml", "version: 1\n");
        var none = await CliRun.InProcessAsync(repo.Path, ["pr"]);

        none.ExitCode.Should().Be(2);
        none.Err.Should().Contain("landing.pull_request is not set");
    }
}
