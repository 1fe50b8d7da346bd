using Nightshift.Execution;

namespace Nightshift.Git;

/// <summary>
/// One git command as the git layer runs it: the arguments after <c>git</c> (the subcommand first), where it
/// runs, and the scratch index it may use. Every call passes <see cref="GitGuard"/> before it runs.
/// </summary>
internal sealed record GitCall(IReadOnlyList<string> Arguments)
{
    /// <summary>Where git runs; null is the repository root (the user's checkout).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>A scratch index (GIT_INDEX_FILE) under Nightshift's own directory, so the user's index is never written.</summary>
    public string? IndexFile { get; init; }

    public string? StandardInput { get; init; }

    /// <summary>Variables added to git's environment (e.g. a fallback identity for commit-tree).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>True for commands that talk to a remote: they get the network timeout.</summary>
    public bool UsesNetwork { get; init; }

    public string Subcommand => Arguments.Count > 0 ? Arguments[0] : "";

    /// <summary>The command as a person would type it, for messages.</summary>
    public string Display => string.Join(' ', Arguments.Prepend("git").Select(CommandLine.Quote));

    public static GitCall Of(params string[] arguments) => new(arguments);
}
