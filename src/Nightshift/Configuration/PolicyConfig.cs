namespace Nightshift.Configuration;

/// <summary>What a fix may not do, whatever the agent says (<c>policy</c>); the verifier enforces it.</summary>
public sealed record PolicyConfig
{
    /// <summary>Globs of files a fix may not touch: tests, CI, lock files. A fix that edits one is rejected.</summary>
    public IReadOnlyList<string> Protected { get; init; } = DefaultProtected;

    public int MaxDiffLines { get; init; } = 400;

    /// <summary>How much any one cluster other than the target may grow (and how large a new cluster may be) before a fix is rejected.</summary>
    public int ClusterTolerance { get; init; }

    /// <summary>Reject fixes that silence a diagnostic (<c>#[allow]</c>, <c>#pragma warning disable</c>, <c># noqa</c>) instead of fixing it.</summary>
    public bool ForbidSuppressions { get; init; } = true;

    public static IReadOnlyList<string> DefaultProtected { get; } =
        ["tests/**", "**/tests/**", ".github/**", ".ci/**", "**/*.lock", "Cargo.lock", "package-lock.json"];
}
