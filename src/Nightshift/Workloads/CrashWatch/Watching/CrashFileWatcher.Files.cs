using System.Text;

namespace Nightshift.Workloads.CrashWatch.Watching;

public sealed partial class CrashFileWatcher
{
    /// <summary>Notes that <paramref name="path"/> may have new text; it is taken once it settled.</summary>
    private void Touch(string path)
    {
        if (!IsWatched(path) || Observe(path) is not { } now)
        {
            _pending.Remove(path);
            return;
        }

        var mark = offsets.Get(path);
        var taken = mark is not null && mark.Offset <= now.Length && mark.Length == now.Length && mark.LastWriteUtc == now.LastWriteUtc;
        var declined = _declined.TryGetValue(path, out var before) && before.SameAs(now);
        if (taken || declined || now.Length == 0)
        {
            _pending.Remove(path);
            return;
        }

        if (!_pending.TryGetValue(path, out var pending) || !pending.SameAs(now))
        {
            _pending[path] = now;
        }
    }

    /// <summary>Takes every pending file whose last write is at least the settle time ago and that did not change since.</summary>
    private async Task TakeSettledAsync(Handler handler, CancellationToken cancellationToken)
    {
        var utcNow = DateTime.UtcNow;
        foreach (var (path, seen) in _pending.Where(p => p.Value.Due(options.Settle) <= utcNow).ToList())
        {
            _pending.Remove(path);
            if (Observe(path) is not { } now)
            {
                continue;
            }

            if (!now.SameAs(seen))
            {
                _pending[path] = now; // still being written
                continue;
            }

            // A core is taken whole, by path (its reader runs gdb on it): a changed core is a new core, never an appended one.
            var isCore = IsCore(path);
            var mark = offsets.Get(path);
            var offset = !isCore && mark is not null && mark.Offset <= now.Length ? mark.Offset : 0; // shorter: truncated or replaced
            var text = isCore ? "" : Read(path, offset, now.Length);
            var file = new CrashFile(path, offset, now.Length, text, new DateTimeOffset(now.LastWriteUtc), DateTimeOffset.UtcNow);
            if (await handler(file, cancellationToken).ConfigureAwait(false))
            {
                _declined.Remove(path);
                offsets.Set(path, new FileMark(now.Length, now.Length, now.LastWriteUtc));
            }
            else
            {
                _declined[path] = now;
            }
        }
    }

    // .nightshift/ never counts, except a watched folder inside it (the cores coredumpctl exports there).
    private bool IsWatched(string path) =>
        targets.Any(target => target.Matches(path) && (!IsIgnored(path) || IsIgnored(target.Directory + "/")));

    private bool IsIgnored(string path) => ignoredDirectory is not null && path.StartsWith(ignoredDirectory + "/", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="path"/> is a core file (of a <see cref="WatchTarget.IsCores"/> target): handed over without its text.</summary>
    public bool IsCore(string path) => targets.Any(target => target.IsCores && target.Matches(path));

    private static Observation? Observe(string path)
    {
        var info = new FileInfo(path);
        try
        {
            return info.Exists ? new Observation(info.Length, info.LastWriteTimeUtc) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string Read(string path, long offset, long length)
    {
        var count = (int)Math.Min(length - offset, options.MaxBytes);
        var buffer = new byte[count];
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(offset, SeekOrigin.Begin);
            stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }

        return Encoding.UTF8.GetString(buffer);
    }

    /// <summary>A file's size and last write time when it was looked at.</summary>
    private sealed record Observation(long Length, DateTime LastWriteUtc)
    {
        /// <summary>
        /// When the file counts as settled: its last write plus the settle time. The last write, not when it was noticed: a file
        /// found by a listing long after it was written is taken at once (after one look that confirms it did not change).
        /// </summary>
        public DateTime Due(TimeSpan settle) => LastWriteUtc + settle;

        public bool SameAs(Observation other) => Length == other.Length && LastWriteUtc == other.LastWriteUtc;
    }
}
