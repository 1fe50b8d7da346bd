namespace Nightshift.Reports;

/// <summary>
/// A landed fix's diff as the report shows it, collapsed under its ticket: how many files and lines it changes, and its
/// text up to <see cref="MaxLines"/> lines (the rest is one <c>git show</c> away).
/// </summary>
/// <param name="Files">The files it changes.</param>
/// <param name="Added">Lines added.</param>
/// <param name="Removed">Lines removed.</param>
/// <param name="Lines">The diff's lines, at most <see cref="MaxLines"/>.</param>
/// <param name="Omitted">Lines left out after those.</param>
public sealed record DiffSummary(int Files, int Added, int Removed, IReadOnlyList<string> Lines, int Omitted)
{
    /// <summary>The most lines of one diff a report shows.</summary>
    public const int MaxLines = 400;

    /// <summary>"+5 −2 in 3 file(s)".</summary>
    public string Figures => $"+{Added} −{Removed} in {Files} file(s)";

    public static DiffSummary Of(string diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var lines = diff.TrimEnd('\n').Split('\n');
        var files = lines.Count(l => l.StartsWith("diff --git ", StringComparison.Ordinal));
        var added = lines.Count(l => l.StartsWith('+') && !l.StartsWith("+++ ", StringComparison.Ordinal));
        var removed = lines.Count(l => l.StartsWith('-') && !l.StartsWith("--- ", StringComparison.Ordinal));
        return new DiffSummary(files, added, removed, [.. lines.Take(MaxLines)], Math.Max(0, lines.Length - MaxLines));
    }
}
