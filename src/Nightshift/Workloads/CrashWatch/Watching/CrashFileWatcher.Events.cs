namespace Nightshift.Workloads.CrashWatch.Watching;

public sealed partial class CrashFileWatcher
{
    /// <summary>Sets up a notification watcher for each watched folder that exists and has none yet (a folder may appear later).</summary>
    private void EnsureWatchers()
    {
        if (!options.UseFileEvents)
        {
            return;
        }

        lock (_watchersGate)
        {
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
