using System.Threading.Channels;

namespace Nightshift.Workloads.CrashWatch.Watching;

/// <summary>
/// Watches the <c>crash.watch</c> entries and hands over each file's new text once it is completely written: a
/// <see cref="FileSystemWatcher"/> per watched folder says when something changed, and a listing every
/// <see cref="WatchOptions.Poll"/> catches what notifications miss (a file system that sends none, an overflow, a folder
/// created later). A file is taken once it was last written <see cref="WatchOptions.Settle"/> ago and its size and time
/// still agree; a file that grows again later is taken again from where the last take ended.
/// </summary>
/// <remarks>
/// The handler decides whether the text is a crash: when it says no (not a crash report, or one cut off), the file is
/// tried again only after it changes. Files under <paramref name="ignoredDirectory"/> (<c>.nightshift/</c>) never count.
/// </remarks>
public sealed partial class CrashFileWatcher(
    IReadOnlyList<WatchTarget> targets, WatchOptions options, FileOffsets offsets, string? ignoredDirectory = null) : IDisposable
{
    // null in the channel asks for a full listing.
    private readonly Channel<string?> _touched = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileSystemWatcher> _parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Observation> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Observation> _declined = new(StringComparer.Ordinal);
    private readonly Lock _watchersGate = new();

    /// <summary>Called with each file's new text; returns true when it was a crash (taken), false to wait for the file to change.</summary>
    public delegate Task<bool> Handler(CrashFile file, CancellationToken cancellationToken);

    /// <summary>True once the first listing is done and the notifications are set up (for tests and the bench).</summary>
    public bool IsReady { get; private set; }

    /// <summary>Watches until <paramref name="cancellationToken"/> is canceled (then returns without throwing).</summary>
    public async Task RunAsync(Handler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poller = PollAsync(stop.Token);
        try
        {
            EnsureWatchers();
            ListAll();
            IsReady = true;
            while (!stop.IsCancellationRequested)
            {
                await WaitForWorkAsync(stop.Token).ConfigureAwait(false);
                while (_touched.Reader.TryRead(out var path))
                {
                    if (path is null)
                    {
                        EnsureWatchers();
                        ListAll();
                    }
                    else
                    {
                        Touch(path);
                    }
                }

                await TakeSettledAsync(handler, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await poller.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        lock (_watchersGate)
        {
            foreach (var watcher in _watchers.Values.Concat(_parents.Values))
            {
                watcher.Dispose();
            }

            _watchers.Clear();
            _parents.Clear();
        }
    }

    /// <summary>Returns when a path was touched or the earliest pending file is due.</summary>
    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        if (_touched.Reader.TryPeek(out _))
        {
            return;
        }

        var due = _pending.Count == 0 ? (DateTime?)null : _pending.Values.Min(p => p.Due(options.Settle));
        var wait = due is { } when ? when - DateTime.UtcNow : Timeout.InfiniteTimeSpan;
        if (due is not null && wait <= TimeSpan.Zero)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (due is not null)
        {
            timeout.CancelAfter(wait);
        }

        try
        {
            await _touched.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the earliest pending file is due
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Poll);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                _touched.Writer.TryWrite(null);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void ListAll()
    {
        foreach (var path in targets.SelectMany(target => target.List()).Distinct(StringComparer.Ordinal))
        {
            Touch(path);
        }
    }
}
