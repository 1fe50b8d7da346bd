namespace Nightshift.Verification;

/// <summary>
/// An attempt's change as the verifier reads it: <c>git diff</c> text parsed into files and lines.
/// <see cref="Parse"/> reads what <c>git diff</c> writes with its default a/ and b/ prefixes
/// (new, deleted, renamed, copied and binary files, mode changes, quoted paths), and plain
/// <c>diff -u</c> output.
/// </summary>
public sealed record UnifiedDiff(IReadOnlyList<FileDiff> Files)
{
    public static UnifiedDiff Empty { get; } = new([]);

    /// <summary>True when the diff changes nothing at all.</summary>
    public bool IsEmpty => Files.Count == 0;

    public int LinesAdded => Files.Sum(f => f.Added.Count);

    public int LinesRemoved => Files.Sum(f => f.Removed.Count);

    /// <summary>Added plus removed lines: the size of the change a reviewer reads.</summary>
    public int LinesChanged => LinesAdded + LinesRemoved;

    /// <summary>Parses diff text; text that holds no file change (empty, whitespace, prose) is <see cref="Empty"/>.</summary>
    public static UnifiedDiff Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new UnifiedDiffParser().Parse(text);
    }
}
