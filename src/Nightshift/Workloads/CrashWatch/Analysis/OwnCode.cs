using System.Collections.Concurrent;
using Nightshift.Files;
using Nightshift.Workloads.CrashWatch.Parsing;

namespace Nightshift.Workloads.CrashWatch.Analysis;

/// <summary>
/// Tells the project's own frames from the runtime's and the libraries', by finding the frame's file in the repository: a
/// relative path that exists there, or the tail of an absolute one (a build machine's <c>/home/ci/app/src/x.rs</c>, a
/// release folder under <c>.nightshift/</c>) that does. Toolchain and dependency paths never count, even when a project
/// happens to have a file of the same name.
/// </summary>
public sealed class OwnCode(string repositoryRoot)
{
    // Where standard libraries and downloaded dependencies live; their files are never the project's to fix.
    private static readonly string[] _foreign =
        ["/rustc/", "/.cargo/registry/", "/.cargo/git/", "/.rustup/", "/usr/include/", "/usr/lib/", "/usr/src/", "site-packages/",
         "dist-packages/", "/node_modules/", "<frozen ", "/lib/python", "/_work/_temp/"];

    private readonly string _root = Path.GetFullPath(repositoryRoot);
    private readonly ConcurrentDictionary<string, string?> _resolved = new(StringComparer.Ordinal);

    public bool IsOwn(CrashFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.File is { } file && Resolve(file) is not null;
    }

    /// <summary>The repository-relative path ('/'-separated) of a frame's file, or null when it is not in the repository.</summary>
    public string? Resolve(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return _resolved.GetOrAdd(file, Find);
    }

    private string? Find(string file)
    {
        var path = file.Replace('\\', '/').Trim();
        if (path.Length == 0 || _foreign.Any(marker => path.Contains(marker, StringComparison.Ordinal)))
        {
            return null;
        }

        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var skip = 0; skip < segments.Length; skip++)
        {
            var candidate = string.Join('/', segments[skip..]);
            if (candidate.StartsWith(NightshiftPaths.DirectoryName + "/", StringComparison.Ordinal) || candidate.StartsWith(".git/", StringComparison.Ordinal))
            {
                continue;
            }

            // A tail of one segment ("main.rs") counts only when the report printed it that way, not cut from a longer path.
            if ((skip == 0 || segments.Length - skip > 1) && File.Exists(Path.Combine(_root, candidate)))
            {
                return candidate;
            }
        }

        return null;
    }
}
