using System.Collections.Concurrent;
using Nightshift.Files;
using Nightshift.Git;

namespace Nightshift.Diagnostics.Crashes;

/// <summary>
/// Tells the project's own frames from the runtime's and the libraries', by finding the frame's file in the repository
/// however the crash handler printed it: a relative path that exists there, the longest tail of an absolute one (a build
/// machine's <c>/home/ci/app/src/x.rs</c>, <c>d:\build\src\x.cpp</c>, a release folder under <c>.nightshift/</c>) that
/// does, a path relative to a build folder (<c>../src/x.cpp</c>), and, when no tail matches exactly, one that matches
/// without regard to case: Windows handlers print paths lower-cased (issue 18). Toolchain and dependency paths never
/// count, even when a project happens to have a file of the same name.
/// </summary>
public sealed class OwnCode
{
    // Where standard libraries and downloaded dependencies live; their files are never the project's to fix.
    private static readonly string[] _foreign =
        ["/rustc/", "/.cargo/registry/", "/.cargo/git/", "/.rustup/", "/usr/include/", "/usr/lib/", "/usr/src/", "site-packages/",
         "dist-packages/", "/node_modules/", "<frozen ", "/lib/python", "/_work/_temp/", "/Microsoft Visual Studio/", "/Windows Kits/"];

    private readonly string _root;
    private readonly Lazy<IReadOnlySet<string>> _files;
    private readonly Lazy<ILookup<string, string>> _byFolding;
    private readonly ConcurrentDictionary<string, SourceMatch?> _resolved = new(StringComparer.Ordinal);

    /// <summary>
    /// Resolves against <paramref name="repositoryFiles"/> (repository-relative, '/'-separated: what <c>git ls-files</c>
    /// lists) and the files on disk; without a list, the files under the root stand in for it.
    /// </summary>
    public OwnCode(string repositoryRoot, IEnumerable<string>? repositoryFiles = null)
    {
        _root = Path.GetFullPath(repositoryRoot);
        _files = new(() => (repositoryFiles ?? FilesOnDisk(_root)).ToHashSet(StringComparer.Ordinal));
        _byFolding = new(() => _files.Value.Order(StringComparer.Ordinal).ToLookup(path => path, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The own code under <paramref name="root"/> (the project's folder in <paramref name="repository"/>) as git tracks it;
    /// only reads the file list (<c>git ls-files</c>).
    /// </summary>
    public static async Task<OwnCode> LoadAsync(GitRepository repository, string root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var files = await repository.TrackedFilesAsync(root, cancellationToken).ConfigureAwait(false);
        return new OwnCode(root, [.. files.Select(file => file.Path).Where(path => !path.StartsWith("../", StringComparison.Ordinal))]);
    }

    public bool IsOwn(CrashFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.File is { } file && Resolve(file) is not null;
    }

    /// <summary>The repository-relative path ('/'-separated) of a frame's file, or null when it is not in the repository.</summary>
    public string? Resolve(string file) => Match(file)?.Path;

    /// <summary>The repository file a printed path names, with the files it was chosen over; null when it names none.</summary>
    public SourceMatch? Match(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return _resolved.GetOrAdd(file, Find);
    }

    private SourceMatch? Find(string file)
    {
        var path = file.Replace('\\', '/').Trim();
        if (path.Length == 0 || _foreign.Any(marker => path.Contains(marker, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var tails = Tails(Segments(path)).ToList();
        foreach (var tail in tails)
        {
            // A file on disk that git does not track counts too; on a case-insensitive disk, the tracked spelling wins below.
            if (_files.Value.Contains(tail) || (File.Exists(Path.Combine(_root, tail)) && !_byFolding.Value.Contains(tail)))
            {
                return new SourceMatch(tail, []);
            }
        }

        // Two files that differ only by case: the first in ordinal order, every time, and the others named.
        return tails.Select(tail => _byFolding.Value[tail].ToList()).FirstOrDefault(found => found.Count > 0) is [var chosen, .. var others]
            ? new SourceMatch(chosen, others)
            : null;
    }

    /// <summary>The path's segments, "." and "a/.." folded away; a leading ".." (a path relative to a build folder) is dropped.</summary>
    private static List<string> Segments(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".." && segments.Count > 0)
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment is not ("." or ".."))
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    /// <summary>
    /// The tails of the path that could name a repository file, longest first. A tail of one segment ("main.rs") counts only
    /// when the report printed it that way, not cut from a longer path; nothing under .nightshift/ or .git/ is a source file.
    /// </summary>
    private static IEnumerable<string> Tails(List<string> segments)
    {
        for (var skip = 0; skip < segments.Count; skip++)
        {
            var tail = string.Join('/', segments.Skip(skip));
            if ((skip == 0 || segments.Count - skip > 1)
                && !tail.StartsWith(NightshiftPaths.DirectoryName + "/", StringComparison.Ordinal)
                && !tail.StartsWith(".git/", StringComparison.Ordinal))
            {
                yield return tail;
            }
        }
    }

    private static IEnumerable<string> FilesOnDisk(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith(".git/", StringComparison.Ordinal) && !path.StartsWith(NightshiftPaths.DirectoryName + "/", StringComparison.Ordinal));
}
