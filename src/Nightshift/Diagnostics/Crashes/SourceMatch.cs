namespace Nightshift.Diagnostics.Crashes;

/// <summary>
/// The repository file a crash report's path resolved to (repository-relative, '/'-separated) and, when the report's
/// path matched it only without regard to case, the other files that differ from it only by case, which were not chosen.
/// </summary>
public sealed record SourceMatch(string Path, IReadOnlyList<string> OtherCases)
{
    /// <summary>"chose src/Foo.cpp over src/foo.cpp (they differ only by case)", or null when there was no choice.</summary>
    public string? Note => OtherCases.Count == 0 ? null : $"chose {Path} over {string.Join(", ", OtherCases)} (they differ only by case)";
}
