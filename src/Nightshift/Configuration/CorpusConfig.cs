using Nightshift.Diagnostics;
namespace Nightshift.Configuration;

/// <summary>
/// A probe over many small inputs (<c>probe.corpus</c>): every file matching <see cref="Items"/> goes through
/// <see cref="Steps"/>, each an argument list in which <see cref="Placeholders"/> are replaced.
/// </summary>
public sealed record CorpusConfig
{
    /// <summary>Glob patterns relative to the repository root.</summary>
    public required IReadOnlyList<string> Items { get; init; }

    /// <summary>Glob patterns of files that match <see cref="Items"/> but are not probed (e.g. <c>corpus/test_*</c>).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public required IReadOnlyList<IReadOnlyList<string>> Steps { get; init; }

    /// <summary>Files the steps read besides the item (a compiler build, a runtime); changing them changes every result.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    public DiagnosticFormat Format { get; init; } = DiagnosticFormat.RustcJson;

    /// <summary>
    /// <c>{item}</c>: the item's path; <c>{stem}</c>: its file name without extension; <c>{work}</c>: a scratch
    /// directory for this item; <c>{root}</c>: the repository root; <c>{target}</c>: where a cargo build writes (the
    /// worker's <c>CARGO_TARGET_DIR</c> in an attempt's worktree, else <c>{root}/target</c>), to run a generator the
    /// <c>build</c> made, e.g. <c>{target}/debug/transpile</c>.
    /// </summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["{item}", "{stem}", "{work}", "{root}", "{target}"];
}
