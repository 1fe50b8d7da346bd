namespace Nightshift.Configuration;

/// <summary>Where a session's pull request is opened (<c>landing.pull_request</c>), through the user's own CLI login.</summary>
public enum PullRequestHost
{
    /// <summary>No pull request: the session branch is the result.</summary>
    None,

    /// <summary>GitHub, through the <c>gh</c> CLI.</summary>
    GitHub,

    /// <summary>GitLab, through the <c>glab</c> CLI (a merge request).</summary>
    GitLab,
}
