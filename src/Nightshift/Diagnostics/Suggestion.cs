namespace Nightshift.Diagnostics;

/// <summary>A fix the tool proposed: one or more edits that belong together.</summary>
public sealed record Suggestion(
    string Message,
    IReadOnlyList<Replacement> Replacements,
    Applicability Applicability);
