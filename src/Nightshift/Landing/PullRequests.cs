using Nightshift.Configuration;
using Nightshift.Execution;

namespace Nightshift.Landing;

/// <summary>
/// Opens or updates the pull request of a session branch (<c>landing.pull_request</c>) with the user's own CLI and login:
/// <c>gh</c> for GitHub, <c>glab</c> for GitLab. One pull request per branch: an open one is updated (title and body),
/// otherwise one is created from the branch, which the night already pushed. Never pushes, so never force-pushes.
/// </summary>
/// <param name="runner">Runs the CLI, outside the sandbox (it needs the user's login and the network).</param>
/// <param name="host">GitHub or GitLab.</param>
/// <param name="repositoryRoot">Where the CLI runs, so it finds the repository and its remote.</param>
public sealed class PullRequests(ProcessRunner runner, PullRequestHost host, string repositoryRoot)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(2);

    /// <summary>Updates the open pull request of <paramref name="branch"/>, or creates one; the body is the file's text.</summary>
    /// <exception cref="NightshiftException">The CLI is missing or failed; the message has its output.</exception>
    public async Task<PullRequestResult> OpenOrUpdateAsync(string branch, string title, string bodyFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(branch);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(bodyFile);
        var body = await File.ReadAllTextAsync(bodyFile, cancellationToken).ConfigureAwait(false);
        var (cli, view, create, update) = host switch
        {
            PullRequestHost.GitHub => (
                "gh",
                new[] { "pr", "view", branch, "--json", "state", "--jq", ".state" },
                new[] { "pr", "create", "--head", branch, "--title", title, "--body-file", bodyFile },
                new[] { "pr", "edit", branch, "--title", title, "--body-file", bodyFile }),
            PullRequestHost.GitLab => (
                "glab",
                new[] { "mr", "view", branch },
                new[] { "mr", "create", "--source-branch", branch, "--title", title, "--description", body, "--yes" },
                new[] { "mr", "update", branch, "--title", title, "--description", body }),
            _ => throw new InvalidOperationException("landing.pull_request is none: there is no pull request to open."),
        };

        var viewed = await RunAsync(cli, view, cancellationToken).ConfigureAwait(false);
        var isOpen = viewed.Succeeded && (host != PullRequestHost.GitHub || viewed.StandardOutput.Trim() == "OPEN");
        var done = await RunAsync(cli, isOpen ? update : create, cancellationToken).ConfigureAwait(false);
        if (!done.Succeeded)
        {
            throw new NightshiftException(
                $"'{cli} {string.Join(' ', (isOpen ? update : create).Take(2))}' for {branch} failed (exit {done.ExitCode}): " +
                $"{(done.StandardError + done.StandardOutput).Trim()}. Check '{cli} auth status', and that the branch is on the remote (landing.push).");
        }

        var url = done.StandardOutput.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("http", StringComparison.Ordinal));
        return new PullRequestResult(isOpen ? "updated" : "created", url);
    }

    private async Task<CommandResult> RunAsync(string cli, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RunAsync(
                new CommandSpec(cli, arguments) { WorkingDirectory = repositoryRoot, Timeout = _timeout }, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandStartException e)
        {
            throw new NightshiftException(
                $"landing.pull_request: {(host == PullRequestHost.GitHub ? "github" : "gitlab")} runs '{cli}', which could not start: {e.Message}. " +
                $"Install it and log in ('{cli} auth login'), or set landing.pull_request: none.", isFatal: false, e);
        }
    }
}

/// <summary>What became of the pull request: <c>created</c> or <c>updated</c>, and its address when the CLI printed one.</summary>
public sealed record PullRequestResult(string Action, string? Url);
