namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// The bench's <see cref="IPauseGate"/>. With a <c>probe</c>, a closed gate also checks every
/// <c>probeInterval</c> whether the endpoint is back, so a pause never outlives its cause.
/// </summary>
public sealed class PauseGate(Func<CancellationToken, Task<bool>>? probe = null, TimeSpan? probeInterval = null, TimeProvider? time = null)
    : IPauseGate
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TimeSpan _probeInterval = probeInterval ?? TimeSpan.FromSeconds(30);
    private TaskCompletionSource _open = Opened();
    private long _pauses;

    public bool IsPaused
    {
        get
        {
            lock (_lock)
            {
                return Reason is not null;
            }
        }
    }

    public string? Reason { get; private set; }

    public long Pauses => Interlocked.Read(ref _pauses);

    public void Pause(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_lock)
        {
            if (Reason is null)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Interlocked.Increment(ref _pauses);
            }

            Reason = reason;
        }
    }

    public void Reopen()
    {
        lock (_lock)
        {
            Reason = null;
            _open.TrySetResult();
        }
    }

    public async Task WaitUntilOpenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task open;
            lock (_lock)
            {
                open = _open.Task;
            }

            if (open.IsCompleted)
            {
                return;
            }

            if (probe is null)
            {
                await open.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await Task.WhenAny(open, Task.Delay(_probeInterval, _time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!open.IsCompleted && await probe(cancellationToken).ConfigureAwait(false))
            {
                Reopen();
            }
        }
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
