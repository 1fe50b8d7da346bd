using System.Text.RegularExpressions;

namespace Nightshift.Verification;

/// <summary>
/// One way to silence a diagnostic or a test instead of fixing it, recognised in a line a diff adds.
/// </summary>
public sealed class SuppressionMarker
{
    private readonly Regex _regex;
    private readonly Glob? _files;

    /// <param name="name">What the marker is, for a verdict's sentence ("Rust allow attribute").</param>
    /// <param name="pattern">A regular expression searched for in the added line.</param>
    /// <param name="example">A line the pattern must find; the specs check every one.</param>
    /// <param name="files">A <see cref="Glob"/> limiting the marker to some files (a build file's
    /// setting); null for every file.</param>
    public SuppressionMarker(string name, string pattern, string example, string? files = null)
    {
        Name = name;
        Pattern = pattern;
        Example = example;
        Files = files;
        _regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        _files = files is null ? null : new Glob(files);
    }

    public string Name { get; }

    public string Pattern { get; }

    public string Example { get; }

    public string? Files { get; }

    /// <summary>Whether <paramref name="line"/>, added to <paramref name="path"/>, carries this marker.</summary>
    public bool Matches(string path, string line) =>
        (_files is null || _files.IsMatch(path)) && _regex.IsMatch(line);

    public override string ToString() => Name;
}
