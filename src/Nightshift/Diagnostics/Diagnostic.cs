namespace Nightshift.Diagnostics;

/// <summary>
/// One compiler, linter or test-runner message, parsed out of a tool's output. The unit that
/// clusters are made of, that agents are asked to fix and that the verifier counts.
/// </summary>
/// <param name="Tool">Who said it: rustc, csc, msbuild, gcc, tsc, python, pytest, or a configured name.</param>
/// <param name="Severity">How serious it is, normalized across tools.</param>
/// <param name="Code">The tool's stable identifier for the kind of problem (E0308, CS0103, TS2304,
/// clippy::needless_range_loop, -Wunused-variable, NameError); null when the tool gives none.</param>
/// <param name="Message">The (first line of the) message, as the tool wrote it.</param>
/// <param name="Location">The primary span; null for messages about no file (a linker error, a
/// missing project).</param>
public sealed record Diagnostic(
    string Tool,
    Severity Severity,
    string? Code,
    string Message,
    SourceSpan? Location)
{
    /// <summary>Secondary spans: labels, notes' locations, include chains, outer stack frames.</summary>
    public IReadOnlyList<SourceSpan> Related { get; init; } = [];

    /// <summary>Notes and help attached to the message, as text.</summary>
    public IReadOnlyList<string> Children { get; init; } = [];

    /// <summary>Machine-readable fixes the tool proposed, where it gives them.</summary>
    public IReadOnlyList<Suggestion> Suggestions { get; init; } = [];

    /// <summary>The tool's own rendering of the message (snippet, carets), ANSI colour removed.</summary>
    public string? Rendered { get; init; }

    /// <summary>The corpus item whose output this came from; set by the probe, null otherwise.</summary>
    public string? Item { get; init; }

    public bool IsError => Severity == Severity.Error;
}
