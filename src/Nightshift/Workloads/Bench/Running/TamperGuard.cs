using System.Security.Cryptography;
using Microsoft.Extensions.FileSystemGlobbing;
using Nightshift.Files;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// Remembers the acceptance paths and protected files of a fresh workspace, by content, and later names every
/// one the agent created, changed or deleted. Read from the disk rather than from git, so that neither a
/// .gitignore entry nor a commit can hide a rewritten hidden test.
/// </summary>
internal sealed class TamperGuard
{
    private readonly IReadOnlyList<string> _acceptancePaths;
    private readonly IReadOnlyList<string> _protectedGlobs;
    private readonly Dictionary<string, string?> _acceptanceBefore;
    private readonly Dictionary<string, string> _protectedBefore;

    private TamperGuard(string workspace, IReadOnlyList<string> acceptancePaths, IReadOnlyList<string> protectedGlobs)
    {
        _acceptancePaths = acceptancePaths;
        _protectedGlobs = protectedGlobs;
        _acceptanceBefore = acceptancePaths.ToDictionary(p => p, p => Hash(workspace, p), StringComparer.Ordinal);
        _protectedBefore = Protected(workspace);
    }

    /// <param name="workspace">The workspace, before the agent starts.</param>
    /// <param name="acceptancePaths">The files the acceptance copies in (relative, '/'-separated).</param>
    /// <param name="protectedGlobs">Further paths the agent must leave alone.</param>
    public static TamperGuard Snapshot(string workspace, IReadOnlyList<string> acceptancePaths, IReadOnlyList<string> protectedGlobs) =>
        new(workspace, acceptancePaths, protectedGlobs);

    /// <summary>Every acceptance path or protected file that differs from the snapshot, e.g. "tests/hidden.rs (acceptance file) created".</summary>
    public IReadOnlyList<string> Violations(string workspace)
    {
        var violations = new List<string>();
        foreach (var path in _acceptancePaths)
        {
            if (Change(_acceptanceBefore[path], Hash(workspace, path)) is { } change)
            {
                violations.Add($"{path} (acceptance file) {change}");
            }
        }

        var after = Protected(workspace);
        foreach (var path in _protectedBefore.Keys.Union(after.Keys).Where(p => !_acceptanceBefore.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            if (Change(_protectedBefore.GetValueOrDefault(path), after.GetValueOrDefault(path)) is { } change)
            {
                violations.Add($"{path} (protected) {change}");
            }
        }

        return violations;
    }

    private static string? Change(string? before, string? after) => (before, after) switch
    {
        (null, null) => null,
        (null, _) => "created",
        (_, null) => "deleted",
        _ when before != after => "changed",
        _ => null,
    };

    private Dictionary<string, string> Protected(string workspace)
    {
        if (_protectedGlobs.Count == 0)
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(_protectedGlobs);
        var files = DirectoryCopy.ListFiles(workspace);
        return matcher.Match(workspace, files.Select(f => Path.Combine(workspace, f))).Files
            .Select(m => m.Path.Replace('\\', '/'))
            .Where(p => !DirectoryCopy.IsGit(p))
            .ToDictionary(p => p, p => Hash(workspace, p)!, StringComparer.Ordinal);
    }

    private static string? Hash(string workspace, string relative)
    {
        var path = Path.Combine(workspace, relative);
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
