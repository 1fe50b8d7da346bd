namespace Nightshift.Git;

/// <summary>A commit and the trailers of its message (<c>Key: value</c> lines of the last paragraph).</summary>
public sealed record CommitTrailers(string Sha, IReadOnlyList<KeyValuePair<string, string>> Trailers)
{
    /// <summary>The value of the first trailer named <paramref name="key"/> (case-insensitive, as git compares them).</summary>
    public string? this[string key] =>
        Trailers.FirstOrDefault(t => t.Key.Equals(key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } trailer ? trailer.Value : null;
}
