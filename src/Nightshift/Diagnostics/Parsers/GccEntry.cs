namespace Nightshift.Diagnostics.Parsers;

/// <summary>A gcc/clang diagnostic or note being read: its header, snippet, fix-its and notes.</summary>
internal sealed class GccEntry(string header, string message, SourceSpan? location)
{
    public Severity Severity { get; init; }
    public string? Code { get; init; }
    public string Message => message;
    public SourceSpan? Location => location;
    public List<SourceSpan> Includes { get; } = [];
    public List<GccEntry> Notes { get; } = [];

    /// <summary>The header and the snippet under it, as printed.</summary>
    public List<string> Lines { get; } = [header];
    public List<Replacement> ParseableFixIts { get; } = [];

    public Diagnostic ToDiagnostic(string tool)
    {
        var related = new List<SourceSpan>(Includes);
        related.AddRange(Notes.Where(n => n.Location is not null).Select(n => n.Location! with { Label = n.Message }));
        List<Suggestion> suggestions = [.. new[] { this }.Concat(Notes).Select(e => e.Suggestion()).OfType<Suggestion>()];

        return new Diagnostic(tool, Severity, Code, message, location)
        {
            Related = related,
            Children = [.. Notes.Select(n => $"note: {n.Message}")],
            Suggestions = suggestions,
            Rendered = string.Join('\n', Lines.Concat(Notes.SelectMany(n => n.Lines))),
        };
    }

    // Parseable fix-its are exact; the snippet is read only when the build did not ask for them.
    private Suggestion? Suggestion()
    {
        IReadOnlyList<Replacement> edits = ParseableFixIts.Count > 0
            ? ParseableFixIts
            : location is { } at ? GccSnippet.FixIts(Lines.Skip(1).ToList(), at) : [];
        return edits.Count > 0 ? new Suggestion(message, edits, Applicability.Unspecified) : null;
    }
}
