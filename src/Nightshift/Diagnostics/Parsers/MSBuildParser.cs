namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Parses MSBuild's canonical error format, which csc, the .NET SDK, NuGet and many other tools
/// print: <c>File.cs(3,5): error CS0103: The name 'x' does not exist … [/path/proj.csproj]</c>.
/// <para>
/// <c>dotnet build</c>'s classic logger repeats every warning and error in its summary, so
/// identical diagnostics (same place, code, message and project) count once. Lines hard-wrapped
/// at a fixed width (a log copied from a terminal, <c>fold</c>) are joined again: a run of lines
/// exactly as long as the longest line, ending in a line that closes with the project suffix.
/// </para>
/// </summary>
public sealed class MSBuildParser : IDiagnosticParser
{
    // More pieces than this is a message longer than any compiler writes at a sane width.
    private const int MaxPieces = 12;

    public IReadOnlyList<Diagnostic> Parse(string output)
    {
        var lines = OutputText.Lines(output);
        var width = lines.Length == 0 ? 0 : lines.Max(l => l.Length);
        var diagnostics = new List<Diagnostic>();
        var seen = new HashSet<CanonicalLine>();
        for (var i = 0; i < lines.Length; i++)
        {
            var (parsed, consumed) = Unwrap(lines, i, width);
            parsed ??= CanonicalLine.TryParse(lines[i]);
            i += consumed;
            if (parsed is not null && seen.Add(parsed))
            {
                diagnostics.Add(parsed.ToDiagnostic());
            }
        }

        return diagnostics;
    }

    /// <summary>
    /// The diagnostic that starts at line <paramref name="start"/> when it was wrapped at
    /// <paramref name="width"/>, with the number of extra lines it took; (null, 0) otherwise.
    /// </summary>
    private static (CanonicalLine? Line, int Consumed) Unwrap(string[] lines, int start, int width)
    {
        var first = lines[start];
        // Wrapping happens only to lines of the full width; a first piece with spaces that is
        // followed by a complete diagnostic is a line of its own, not a diagnostic's start.
        if (width < 40 || first.Length != width || CanonicalLine.TryParse(first) is { Project: not null }
            || start + 1 >= lines.Length
            || (first.Contains(' ', StringComparison.Ordinal) && CanonicalLine.TryParse(lines[start + 1]) is { Project: not null }))
        {
            return (null, 0);
        }

        var joined = first;
        for (var next = start + 1; next < lines.Length && next - start < MaxPieces; next++)
        {
            var piece = lines[next];
            if (piece.Length == 0)
            {
                break;
            }

            joined += piece;
            if (piece.Length < width)
            {
                return CanonicalLine.TryParse(joined) is { Project: not null } parsed ? (parsed, next - start) : (null, 0);
            }
        }

        return (null, 0);
    }
}
