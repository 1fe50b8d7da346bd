namespace Nightshift.Workloads.Bench.Running;

internal sealed partial class BenchSession
{
    /// <summary>Waits for the pause gate and the start rate, then checks the disk; false when the bench must stop.</summary>
    private async Task<bool> PassGuardsAsync(CancellationToken cancellationToken)
    {
        if (_gate.IsPaused)
        {
            // One report per pause, however many workers wait on it.
            var pauses = _gate.Pauses;
            if (Interlocked.Exchange(ref _pauseReported, pauses) != pauses)
            {
                Report(new BenchEvent.Paused(_gate.Reason ?? "paused"));
            }

            await _gate.WaitUntilOpenAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_rateLimiter is not null)
        {
            await _rateLimiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_stopReason is not null)
        {
            return false;
        }

        if (_disk.Check() is { } problem)
        {
            lock (_lock)
            {
                if (_stopReason is not null)
                {
                    return false;
                }

                _stopReason = problem;
            }

            Report(new BenchEvent.Stopping(problem));
            return false;
        }

        return true;
    }
}
