using Nightshift.Git;

namespace Nightshift.Landing;

/// <summary>
/// Pushes the session branch in the background, one push at a time, with retries and a doubling pause. Landings never
/// wait for it, and a failure is reported (events, <see cref="WhenIdleAsync"/>), never thrown.
/// </summary>
internal sealed class BranchPusher(GitRepository repository, LandingOptions options)
{
    private readonly Lock _gate = new();
    private Task<PushOutcome?> _tail = Task.FromResult<PushOutcome?>(null);
    private bool _queued;

    /// <summary>Queues a push of <paramref name="branch"/>, unless one is queued and not yet started: that one will carry the new commit too.</summary>
    public void Schedule(string branch)
    {
        lock (_gate)
        {
            if (_queued)
            {
                return;
            }

            _queued = true;
            var previous = _tail;
            _tail = Task.Run(async () =>
            {
                await previous.ConfigureAwait(false);
                lock (_gate)
                {
                    _queued = false;
                }

                return (PushOutcome?)await PushAsync(branch).ConfigureAwait(false);
            });
        }
    }

    public Task<PushOutcome?> WhenIdleAsync()
    {
        lock (_gate)
        {
            return _tail;
        }
    }

    private async Task<PushOutcome> PushAsync(string branch)
    {
        var error = "";
        var attempts = Math.Max(1, options.PushAttempts);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                var tip = await repository.BranchTipAsync(branch, CancellationToken.None).ConfigureAwait(false);
                var result = await repository.PushBranchAsync(options.Remote, branch, CancellationToken.None).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    repository.OnEvent?.Invoke(new GitEvent.Pushed(options.Remote, branch, tip ?? ""));
                    return new PushOutcome(options.Remote, branch, Succeeded: true, attempt, null);
                }

                error = (result.StandardError + "\n" + result.StandardOutput).Trim();
            }
            catch (Exception e) when (e is NightshiftException or IOException or InvalidOperationException)
            {
                // Timeouts, a missing git, a broken pipe: all one failed attempt, reported below; never thrown at the session.
                error = e.Message;
            }

            var willRetry = attempt < attempts;
            repository.OnEvent?.Invoke(new GitEvent.PushFailed(options.Remote, branch, attempt, willRetry, error));
            if (willRetry)
            {
                await Task.Delay(options.PushRetryDelay * Math.Pow(2, attempt - 1)).ConfigureAwait(false);
            }
        }

        return new PushOutcome(options.Remote, branch, Succeeded: false, attempts, error);
    }
}
