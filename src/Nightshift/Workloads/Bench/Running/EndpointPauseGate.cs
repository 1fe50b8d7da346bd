using Nightshift.Agents.Resilience;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// The bench's pause gate over the model endpoints of its agents: closed while any watched
/// <see cref="EndpointGate"/> has an outage, and opened by that gate's probes (<see cref="EndpointGate.WaitUntilUpAsync"/>)
/// rather than by a run that fails again. Every outage counts as a pause, so a run that failed while its endpoint
/// went down is retried as an infrastructure error instead of being counted against its agent.
/// <see cref="Pause"/> and <see cref="Reopen"/> still close and open it by hand.
/// </summary>
public sealed class EndpointPauseGate : IPauseGate
{
    private readonly PauseGate _manual = new();
    private readonly List<EndpointGate> _endpoints = [];
    private long _outages;

    public bool IsPaused => _manual.IsPaused || Endpoints.Any(e => e.IsDown);

    public string? Reason => _manual.Reason ?? Endpoints.SelectMany(e => e.Outages).Select(Describe).FirstOrDefault();

    public long Pauses => _manual.Pauses + Interlocked.Read(ref _outages);

    private EndpointGate[] Endpoints
    {
        get
        {
            lock (_endpoints)
            {
                return [.. _endpoints];
            }
        }
    }

    /// <summary>Holds the bench back while <paramref name="endpoint"/> is down (one per agent factory).</summary>
    public void Watch(EndpointGate endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_endpoints)
        {
            if (_endpoints.Contains(endpoint))
            {
                return;
            }

            _endpoints.Add(endpoint);
        }

        endpoint.Changed += e =>
        {
            if (e is EndpointDown)
            {
                Interlocked.Increment(ref _outages);
            }
        };
    }

    public void Pause(string reason) => _manual.Pause(reason);

    public void Reopen() => _manual.Reopen();

    /// <summary>Probes every endpoint that is down until it answers, then waits for a pause by hand to end.</summary>
    public async Task WaitUntilOpenAsync(CancellationToken cancellationToken)
    {
        while (Endpoints.Any(e => e.IsDown) || _manual.IsPaused)
        {
            foreach (var endpoint in Endpoints)
            {
                await endpoint.WaitUntilUpAsync(cancellationToken).ConfigureAwait(false);
            }

            await _manual.WaitUntilOpenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(EndpointDown outage) => $"{outage.Provider} at {outage.Endpoint} is down ({outage.Reason})";
}
