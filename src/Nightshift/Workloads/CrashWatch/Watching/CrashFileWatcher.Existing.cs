namespace Nightshift.Workloads.CrashWatch.Watching;

public sealed partial class CrashFileWatcher
{
    /// <summary>
    /// Marks every file the watched places hold now as taken (of the targets <paramref name="which"/> selects, or all): only
    /// what is written from now on counts.
    /// </summary>
    public void SkipExisting(Func<WatchTarget, bool>? which = null)
    {
        foreach (var path in targets.Where(which ?? (_ => true)).SelectMany(target => target.List()).Distinct(StringComparer.Ordinal).Where(IsWatched))
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                offsets.Set(path, new FileMark(info.Length, info.Length, info.LastWriteTimeUtc));
            }
        }
    }
}
