namespace Nightshift.Workloads.CrashWatch.Watching;

public sealed partial class CrashFileWatcher
{
    /// <summary>Marks every file the watched places hold now as taken: only what is written from now on counts.</summary>
    public void SkipExisting()
    {
        foreach (var path in targets.SelectMany(target => target.List()).Distinct(StringComparer.Ordinal).Where(IsWatched))
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                offsets.Set(path, new FileMark(info.Length, info.Length, info.LastWriteTimeUtc));
            }
        }
    }
}
