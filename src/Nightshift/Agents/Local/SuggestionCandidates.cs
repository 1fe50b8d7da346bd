using Nightshift.Diagnostics;

namespace Nightshift.Agents.Local;

/// <summary>Turns diagnostics' suggestions into candidates: one per alternative, placeholders left out.</summary>
internal static class SuggestionCandidates
{
    /// <summary>
    /// The candidates of <paramref name="diagnostics"/> in their order, each distinct change once (two errors
    /// that both want the same <c>use</c> line get it once). Suggestions with placeholders are never
    /// candidates: <c>&lt;value&gt;</c> is not code. Edits of files outside the worktree disqualify their
    /// alternative.
    /// </summary>
    public static IReadOnlyList<SuggestionCandidate> From(IEnumerable<CheckedDiagnostic> diagnostics, WorkspacePaths paths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<SuggestionCandidate>();
        foreach (var (diagnostic, checkedAt) in diagnostics)
        {
            foreach (var suggestion in diagnostic.Suggestions.Where(s => s.Applicability != Applicability.HasPlaceholders))
            {
                var alternatives = Alternatives(suggestion.Replacements);
                foreach (var alternative in alternatives)
                {
                    var edits = alternative.Select(r => paths.Relative(r.Span.File) is { } file ? new FileEdit(file, r) : null).ToList();
                    if (edits.Count == 0 || edits.Contains(null))
                    {
                        continue;
                    }

                    var machine = suggestion.Applicability == Applicability.MachineApplicable && alternatives.Count == 1;
                    var candidate = new SuggestionCandidate(diagnostic, suggestion, [.. edits.OfType<FileEdit>()], machine, checkedAt);
                    if (seen.Add(candidate.Key))
                    {
                        candidates.Add(candidate);
                    }
                }
            }
        }

        return candidates;
    }

    /// <summary>
    /// rustc's JSON flattens a suggestion's alternatives into one list of spans, alternative after alternative
    /// (each alternative's parts together), so a span that clashes with one already in the current
    /// alternative begins the next: "Some(" and ")" stay one change, two imports at the top of the file are two.
    /// </summary>
    private static List<List<Replacement>> Alternatives(IReadOnlyList<Replacement> replacements)
    {
        var alternatives = new List<List<Replacement>>();
        var current = new List<Replacement>();
        foreach (var replacement in replacements)
        {
            if (current.Any(r => Clash(r, replacement)))
            {
                alternatives.Add(current);
                current = [];
            }

            current.Add(replacement);
        }

        if (current.Count > 0)
        {
            alternatives.Add(current);
        }

        return alternatives;
    }

    private static bool Clash(Replacement a, Replacement b)
    {
        if (!string.Equals(a.Span.File, b.Span.File, StringComparison.Ordinal))
        {
            return false;
        }

        if (a is { ByteStart: { } aStart, ByteEnd: { } aEnd } && b is { ByteStart: { } bStart, ByteEnd: { } bEnd })
        {
            return Overlap((aStart, 0), (aEnd, 0), (bStart, 0), (bEnd, 0));
        }

        return Overlap(Start(a.Span), End(a.Span), Start(b.Span), End(b.Span));
    }

    private static (int, int) Start(SourceSpan span) => (span.Line ?? 0, span.Column ?? 0);

    private static (int, int) End(SourceSpan span) => (span.EndLine ?? span.Line ?? 0, span.EndColumn ?? span.Column ?? 0);

    private static bool Overlap((int, int) aStart, (int, int) aEnd, (int, int) bStart, (int, int) bEnd) =>
        (Less(aStart, bEnd) && Less(bStart, aEnd)) || (aStart == aEnd && bStart == bEnd && aStart == bStart);

    private static bool Less((int Line, int Column) x, (int Line, int Column) y) =>
        x.Line < y.Line || (x.Line == y.Line && x.Column < y.Column);
}
