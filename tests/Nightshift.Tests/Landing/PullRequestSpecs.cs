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
        printf '%s\n' "$*" >> "$FORGE_LOG"
        case "$1 $2" in
          "pr view") if [ -f "$FORGE_LOG.open" ]; then echo OPEN; else echo "no pull requests found for branch \"$3\"" >&2; exit 1; fi ;;
          "pr create") touch "$FORGE_LOG.open"; while [ $# -gt 0 ]; do [ "$1" = --body-file ] && cp "$2" "$FORGE_LOG.body"; shift; done
                       echo "https://github.example/team/repo/pull/7" ;;
          "pr edit") while [ $# -gt 0 ]; do [ "$1" = --body-file ] && cp "$2" "$FORGE_LOG.body"; shift; done
                     echo "https://github.example/team/repo/pull/7" ;;
          *) echo "unexpected: $*" >&2; exit 2 ;;
        esac
        """;

    [Fact(Timeout = 300_000)]
    [UnsupportedOSPlatform("windows")]
    public async Task A_night_opens_one_pull_request_with_its_report_and_nightshift_pr_updates_it_never_force_pushing()
    {
        using var forge = await Forge.CreateAsync("gh", StandInGh, "github");
        var (night, remote, log, environment) = (forge.Night, forge.Remote, forge.Log, forge.Environment);

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
        using var forge = await Forge.CreateAsync("glab", StandInGlab, "gitlab");
        var (night, log, environment) = (forge.Night, forge.Log, forge.Environment);

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
        printf '%s\n' "$*" >> "$FORGE_LOG"
        case "$1 $2" in
          "mr view") [ -f "$FORGE_LOG.open" ] || { echo "no open merge request" >&2; exit 1; } ;;
          "mr create"|"mr update") touch "$FORGE_LOG.open"
                       while [ $# -gt 0 ]; do [ "$1" = --description ] && printf '%s' "$2" > "$FORGE_LOG.description"; shift; done
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

    /// <summary>A night repository pushing to a bare remote, with a stand-in forge CLI on PATH that logs its calls.</summary>
    private sealed class Forge : IDisposable
    {
        private readonly TempDir _tools;

        private Forge(NightRepo night, TempDir tools, TempDir remote, string cli)
        {
            (Night, _tools, Remote) = (night, tools, remote);
            Log = tools[$"{cli}.log"];
            Environment = new Dictionary<string, string?>
            {
                ["PATH"] = $"{tools["bin"]}:{System.Environment.GetEnvironmentVariable("PATH")}",
                ["FORGE_LOG"] = Log,
            };
        }

        public NightRepo Night { get; }

        public TempDir Remote { get; }

        public string Log { get; }

        public Dictionary<string, string?> Environment { get; }

        [UnsupportedOSPlatform("windows")]
        public static async Task<Forge> CreateAsync(string cli, string script, string host)
        {
            var forge = new Forge(await NightRepo.CreateAsync(), new TempDir(cli), new TempDir("remote"), cli);
            forge._tools.Write($"bin/{cli}", script);
            File.SetUnixFileMode(forge._tools[$"bin/{cli}"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await forge.Night.Repo.GitAsync("init", "--bare", "-q", forge.Remote.Path);
            await forge.Night.Repo.GitAsync("remote", "add", "origin", forge.Remote.Path);
            var config = await File.ReadAllTextAsync(forge.Night.Repo["nightshift.yml"]);
            forge.Night.Repo.Write(
                "nightshift.yml", config.Replace("landing:\n", $"landing:\n  push: true\n  pull_request: {host}\n", StringComparison.Ordinal));
            await forge.Night.Repo.CommitAllAsync("a forge");
            return forge;
        }

        public void Dispose()
        {
            Night.Dispose();
            _tools.Dispose();
            Remote.Dispose();
        }
    }
}
