using Nightshift.Configuration;

namespace Nightshift.Verification;

/// <summary>
/// The files a fix may not touch (<see cref="PolicyConfig.Protected"/>): tests, CI, lock files.
/// Globs follow <see cref="Glob"/>'s rules; the first one that matches is the one a verdict names.
/// </summary>
public sealed class ProtectedPaths
{
    private readonly IReadOnlyList<Glob> _globs;

    public ProtectedPaths(IEnumerable<string> globs)
    {
        ArgumentNullException.ThrowIfNull(globs);
        _globs = [.. globs.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => new Glob(g))];
    }

    /// <summary>The glob that protects <paramref name="path"/>, or null when the path may change.</summary>
    public string? ProtectingGlob(string path) => _globs.FirstOrDefault(g => g.IsMatch(path))?.Pattern;
}
