using Nightshift.Diagnostics;

namespace Nightshift.Probing;

/// <summary>
/// The outcome of probing one corpus item (or, for a one-command probe, the command as a single item).
/// </summary>
/// <param name="Item">The item's path relative to the repository root, with '/' separators.</param>
/// <param name="Diagnostics">What the steps reported, each with <see cref="Diagnostic.Item"/> set.</param>
/// <param name="ExitCode">The exit code of the last step that ran.</param>
/// <param name="Cached">True when the result was reused from an identical earlier run.</param>
/// <param name="Duration">Time the steps took (zero when cached).</param>
public sealed record ItemResult(
    string Item,
    IReadOnlyList<Diagnostic> Diagnostics,
    int ExitCode,
    bool Cached,
    TimeSpan Duration)
{
    /// <summary>An item fails when a step exited non-zero or any error was reported.</summary>
    public bool Failed => ExitCode != 0 || Diagnostics.Any(d => d.IsError);
}
