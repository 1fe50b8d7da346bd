using Nightshift.Diagnostics;

namespace Nightshift.Agents.Prompts;

/// <summary>
/// What a cluster's task shows besides its diagnostics: the generated code the diagnostics are in (for a generator's
/// corpus), the files where errors of the kind are usually fixed (<c>agent.hints</c>), and the repository's notes for
/// agents (<c>agent.context</c>). Paths of hints and notes are relative to the worktree.
/// </summary>
public sealed record ClusterTaskContext
{
    public static ClusterTaskContext None { get; } = new();

    /// <summary>The target's diagnostics in its sample items, from a probe that kept their outputs under <see cref="GeneratedFolder"/>.</summary>
    public IReadOnlyList<Diagnostic> GeneratedSamples { get; init; } = [];

    /// <summary>Where the sample items' outputs are kept, one folder per item (see <c>ProbeOptions.KeepOutputsIn</c>).</summary>
    public string? GeneratedFolder { get; init; }

    /// <summary>The files <c>agent.hints</c> names for the cluster's code.</summary>
    public IReadOnlyList<string> HintFiles { get; init; } = [];

    /// <summary>The notes of <c>agent.context</c> that the repository has.</summary>
    public IReadOnlyList<string> ContextFiles { get; init; } = [];
}
