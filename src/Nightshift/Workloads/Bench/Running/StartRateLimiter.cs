namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// At most N run starts in any sliding minute (<c>--max-starts-per-minute</c>), to stay under a provider's
/// rate limit instead of spending the night in its 429s.
/// </summary>
public sealed class StartRateLimiter(int maxStartsPerMinute, TimeProvider? time = null)
{
    private static readonly TimeSpan _window = TimeSpan.FromMinutes(1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Queue<DateTimeOffset> _starts = new();
    private readonly Lock _lock = new();

    public int MaxStartsPerMinute { get; } = maxStartsPerMinute > 0
        ? maxStartsPerMinute
        : throw new ArgumentOutOfRangeException(nameof(maxStartsPerMinute), maxStartsPerMinute, "At least one start per minute.");

    /// <summary>Waits until a start is allowed and records it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var delay = TryStart(_time.GetUtcNow());
            if (delay == TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records a start at <paramref name="now"/> and returns zero, or returns how long to wait before asking again.</summary>
    public TimeSpan TryStart(DateTimeOffset now)
    {
        lock (_lock)
        {
            while (_starts.TryPeek(out var oldest) && now - oldest >= _window)
            {
                _starts.Dequeue();
            }

            if (_starts.Count < MaxStartsPerMinute)
            {
                _starts.Enqueue(now);
                return TimeSpan.Zero;
            }

            return _starts.Peek() + _window - now;
        }
    }
}
