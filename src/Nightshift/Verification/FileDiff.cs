namespace Nightshift.Verification;

/// <summary>The change a diff makes to one file.</summary>
/// <param name="OldPath">The path before the change, relative to the repository root; null for an added file.</param>
/// <param name="NewPath">The path after the change; null for a deleted file.</param>
/// <param name="Kind">Added, deleted, renamed, copied or modified (a mode change is a modification).</param>
/// <param name="IsBinary">True when git gave no text hunks for the file ("Binary files … differ").</param>
/// <param name="Added">Added lines with their numbers in the new file.</param>
/// <param name="Removed">Removed lines with their numbers in the old file.</param>
public sealed record FileDiff(
    string? OldPath,
    string? NewPath,
    FileChangeKind Kind,
    bool IsBinary,
    IReadOnlyList<DiffLine> Added,
    IReadOnlyList<DiffLine> Removed)
{
    /// <summary>The path a person would name the file by: the new one, or the old one for a deletion.</summary>
    public string Path => NewPath ?? OldPath ?? "";

    /// <summary>True when the file is a symbolic link after the change (git mode 120000); its one added line is the target.</summary>
    public bool IsSymlink { get; init; }

    /// <summary>Every path the change touches: both sides of a rename or copy, once each.</summary>
    public IEnumerable<string> Paths => new[] { OldPath, NewPath }.OfType<string>().Distinct(StringComparer.Ordinal);
}
