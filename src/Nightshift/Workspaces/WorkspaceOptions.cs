using Nightshift.Configuration;

namespace Nightshift.Workspaces;

/// <summary>How an attempt's worktree is provisioned before the agent runs in it.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>
    /// Files or folders (relative to the repository root) copied from the user's checkout into every worktree, e.g.
    /// <c>.env</c>: what a build needs but git does not hold. They are never part of a captured change or a commit.
    /// A missing one is skipped.
    /// </summary>
    public IReadOnlyList<string> CopyFiles { get; init; } = [];

    /// <summary>
    /// Variables for every command of the attempt (setup, agent, verifier). In values, <c>{worker}</c> becomes the worker
    /// number and <c>{nightshift}</c> the <c>.nightshift</c> folder. <c>CARGO_TARGET_DIR</c> defaults to
    /// <c>{nightshift}/target/worker-{worker}</c>, so each worker reuses its incremental build across attempts.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>A command run in the new worktree before the agent (an argument array, e.g. <c>["npm", "ci"]</c>); none when null.</summary>
    public IReadOnlyList<string>? SetupCommand { get; init; }

    public TimeSpan SetupTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Keep one worktree per worker across attempts and sessions, reset between leases (the default), instead of checking
    /// out a fresh one for every attempt: the cost of an attempt then grows with its change, not with the repository.
    /// </summary>
    public bool Reuse { get; init; } = true;

    /// <summary>
    /// Ignored folders and files (gitignore patterns) a reused worktree keeps across its reset: build outputs, so the next
    /// attempt's build is incremental. Untracked files the repository does not ignore never survive a reset.
    /// </summary>
    public IReadOnlyList<string> Keep { get; init; } = WorkspaceConfig.DefaultKeep;

    /// <summary>The options of <c>workspace</c> in the configuration.</summary>
    public static WorkspaceOptions From(WorkspaceConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new WorkspaceOptions
        {
            CopyFiles = config.Copy,
            Environment = config.Env,
            SetupCommand = config.Setup?.Arguments,
            Reuse = config.Reuse,
            Keep = config.Keep,
        };
    }
}
