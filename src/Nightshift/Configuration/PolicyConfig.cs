namespace Nightshift.Configuration;

/// <summary>What a fix may not do, whatever the agent says (<c>policy</c>); the verifier enforces it.</summary>
public sealed record PolicyConfig
{
    /// <summary>
    /// Globs of files a fix may not touch: tests, CI, lock files, build scripts that run code, any <c>.git</c>, and the
    /// configuration file itself (the reader adds it). A fix that edits one is rejected. A list in the file replaces this
    /// one, so a path is un-protected by leaving it out of <c>policy.protected</c>.
    /// </summary>
    public IReadOnlyList<string> Protected { get; init; } = DefaultProtected;

    public int MaxDiffLines { get; init; } = 400;

    /// <summary>How much any one cluster other than the target may grow (and how large a new cluster may be) before a fix is rejected.</summary>
    public int ClusterTolerance { get; init; }

    /// <summary>Whether a fix may reveal warnings its errors hid (the default), or is held to the rule for errors.</summary>
    public NewWarnings NewWarnings { get; init; } = NewWarnings.Reveal;

    /// <summary>Reject fixes that silence a diagnostic (<c>#[allow]</c>, <c>#pragma warning disable</c>, <c># noqa</c>) instead of fixing it.</summary>
    public bool ForbidSuppressions { get; init; } = true;

    // Build scripts run code at build time, with the night's environment, so a fix that adds one runs as the user; a
    // .git at any depth (a nested repository's hooks or config, a worktree's link) is git's, never a fix's.
    public static IReadOnlyList<string> DefaultProtected { get; } =
    [
        "tests/**", "**/tests/**", ".github/**", ".ci/**", "**/*.lock", "Cargo.lock", "package-lock.json",
        "**/build.rs", "**/.cargo/config*", "**/Directory.Build.*", "**/*.targets", "**/conftest.py", "**/setup.py",
        "**/Makefile", "**/CMakeLists.txt", "**/.git",
    ];

    /// <summary>The defaults, and <paramref name="configFile"/> (repository-relative): the policy and test command a fix must not rewrite.</summary>
    public static PolicyConfig DefaultsFor(string configFile) => new() { Protected = [.. DefaultProtected, configFile] };
}
