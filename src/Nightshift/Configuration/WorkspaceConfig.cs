namespace Nightshift.Configuration;

/// <summary>How an attempt's workspace (a git worktree) is prepared (<c>workspace</c>).</summary>
public sealed record WorkspaceConfig
{
    /// <summary>Untracked paths copied from the repository into each workspace (a .env, a build cache).</summary>
    public IReadOnlyList<string> Copy { get; init; } = [];

    /// <summary>Environment variables set for every command run in a workspace.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Run in each workspace before anything else, every time one is handed to an attempt.</summary>
    public ConfiguredCommand? Setup { get; init; }

    /// <summary>One worktree per worker kept and reset between attempts (true), or a fresh one for every attempt.</summary>
    public bool Reuse { get; init; } = true;

    /// <summary>Ignored build outputs (gitignore patterns) a reused worktree keeps across its reset.</summary>
    public IReadOnlyList<string> Keep { get; init; } = DefaultKeep;

    /// <summary>The build-output folders of cargo (in the worktree), dotnet and most others.</summary>
    public static IReadOnlyList<string> DefaultKeep { get; } = ["target/", "bin/", "obj/"];
}
