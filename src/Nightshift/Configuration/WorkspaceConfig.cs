namespace Nightshift.Configuration;

/// <summary>How an attempt's workspace (a git worktree) is prepared (<c>workspace</c>).</summary>
public sealed record WorkspaceConfig
{
    /// <summary>Untracked paths copied from the repository into each workspace (a .env, a build cache).</summary>
    public IReadOnlyList<string> Copy { get; init; } = [];

    /// <summary>Environment variables set for every command run in a workspace.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Run once in each new workspace before anything else.</summary>
    public ConfiguredCommand? Setup { get; init; }
}
