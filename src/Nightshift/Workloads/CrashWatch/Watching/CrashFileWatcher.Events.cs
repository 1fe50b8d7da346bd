namespace Nightshift.Workloads.CrashWatch.Watching;

public sealed partial class CrashFileWatcher
{
    /// <summary>
    /// Sets up a notification watcher for each watched folder that exists and has none yet. A folder that does not exist yet
    /// (a service creates its crash folder with its first report) is awaited by watching its nearest existing parent.
    /// </summary>
    private void EnsureWatchers()
    {
        if (!options.UseFileEvents)
        {
            return;
        }

        lock (_watchersGate)
        {
            foreach (var missing in targets.Where(t => !Directory.Exists(t.Directory)).Select(t => Ancestor(t.Directory)).OfType<string>())
            {
                if (!_parents.ContainsKey(missing))
                {
                    WatchParent(missing);
                }
            }

            foreach (var target in targets.Where(t => !_watchers.ContainsKey(t.Directory) && Directory.Exists(t.Directory)))
            {
                var watcher = new FileSystemWatcher(target.Directory)
                {
                    IncludeSubdirectories = targets.Any(t => t.Directory == target.Directory && t.Recursive),
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.LastWrite,
                    InternalBufferSize = 64 * 1024,
                };
                watcher.Created += (_, e) => _touched.Writer.TryWrite(e.FullPath);
                watcher.Changed += (_, e) => _touched.Writer.TryWrite(e.FullPath);
                watcher.Renamed += (_, e) => _touched.Writer.TryWrite(e.FullPath);
                watcher.Error += (_, _) => Drop(target.Directory);
                try
                {
                    watcher.EnableRaisingEvents = true;
                    _watchers[target.Directory] = watcher;
                }
                catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
                {
                    // Out of inotify watches, or the folder went away: the listing still finds the files, just later.
                    watcher.Dispose();
                }
            }
        }
    }

    /// <summary>Watches <paramref name="parent"/> for new folders: each one may be (on the way to) a watched folder.</summary>
    private void WatchParent(string parent)
    {
        var watcher = new FileSystemWatcher(parent) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.DirectoryName };
        watcher.Created += (_, _) => _touched.Writer.TryWrite(null);
        watcher.Renamed += (_, _) => _touched.Writer.TryWrite(null);
        try
        {
            watcher.EnableRaisingEvents = true;
            _parents[parent] = watcher;

            // The folder may have appeared between the look that found it missing and this watcher: look once more.
            _touched.Writer.TryWrite(null);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            watcher.Dispose(); // the listing finds the folder at the next poll
        }
    }

    private static string? Ancestor(string directory)
    {
        for (var parent = Path.GetDirectoryName(directory); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(parent))
            {
                return parent;
            }
        }

        return null;
    }

    /// <summary>An overflow or a deleted folder: list everything now, and set the watcher up again at the next poll.</summary>
    private void Drop(string directory)
    {
        lock (_watchersGate)
        {
            if (_watchers.Remove(directory, out var watcher))
            {
                watcher.Dispose();
            }
        }

        _touched.Writer.TryWrite(null);
    }
}
