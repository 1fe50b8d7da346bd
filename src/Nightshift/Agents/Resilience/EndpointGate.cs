using Nightshift.Agents.Providers;

namespace Nightshift.Agents.Resilience;

/// <summary>
/// Whether the model endpoints are usable, learned from the provider events (<see cref="Observe"/>): an
/// <see cref="EndpointDown"/> closes the gate, an <see cref="EndpointRecovered"/> or a probe that gets an
/// answer opens it. A workload calls <see cref="WaitUntilUpAsync"/> before each attempt, so that a dead
/// endpoint pauses the work, probed at <see cref="ProbeInterval"/>, instead of burning attempts (issue 5),
/// and raises an alert on <see cref="Changed"/>. One gate is shared by every agent of a workload, so the
/// outage one agent ran into holds back the next.
/// </summary>
public sealed class EndpointGate
{
    private readonly Func<EndpointDown, CancellationToken, Task<EndpointProbe>> _probe;
    private readonly TimeProvider _time;
    private readonly Dictionary<(string Provider, Uri Endpoint), EndpointDown> _down = [];

    /// <param name="probe">Asks the endpoint an outage names whether it answers again; must not throw for an outage.</param>
    /// <param name="time">The clock the probe interval runs on.</param>
    public EndpointGate(Func<EndpointDown, CancellationToken, Task<EndpointProbe>> probe, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        _probe = probe;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The time between probes of a down endpoint.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Told when an endpoint goes down (<see cref="EndpointDown"/>), comes back (<see cref="EndpointRecovered"/>),
    /// and of every probe made while it is down (<see cref="EndpointProbed"/>). Handlers run on the caller's
    /// path: they must be quick and must not throw.
    /// </summary>
    public event Action<ProviderEvent>? Changed;

    public bool IsDown
    {
        get
        {
            lock (_down)
            {
                return _down.Count > 0;
            }
        }
    }

    /// <summary>The outages not yet over, oldest first.</summary>
    public IReadOnlyList<EndpointDown> Outages
    {
        get
        {
            lock (_down)
            {
                return [.. _down.Values.OrderBy(e => e.At)];
            }
        }
    }

    /// <summary>Takes in one provider event; pass it as (part of) the agents' event callback.</summary>
    public void Observe(ProviderEvent providerEvent)
    {
        ArgumentNullException.ThrowIfNull(providerEvent);
        switch (providerEvent)
        {
            case EndpointDown down:
                bool isNew;
                lock (_down)
                {
                    isNew = _down.TryAdd(Key(down), down);
                }

                if (isNew)
                {
                    Changed?.Invoke(down);
                }

                break;
            case EndpointRecovered recovered:
                MarkUp(recovered);
                break;
        }
    }

    /// <summary>
    /// Returns at once while every endpoint is up. While one is down, probes it, then again every
    /// <see cref="ProbeInterval"/>, until it answers; then reports it back and returns. Callers waiting at
    /// the same time each probe; the first answer lets them all through.
    /// </summary>
    public async Task WaitUntilUpAsync(CancellationToken cancellationToken)
    {
        while (IsDown)
        {
            foreach (var outage in Outages)
            {
                var probe = await _probe(outage, cancellationToken).ConfigureAwait(false);
                Changed?.Invoke(new EndpointProbed(outage.Provider, outage.Endpoint, _time.GetUtcNow(), probe));
                if (probe.IsUp)
                {
                    MarkUp(new EndpointRecovered(outage.Provider, outage.Endpoint, _time.GetUtcNow()));
                }
            }

            if (IsDown)
            {
                await Task.Delay(ProbeInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void MarkUp(EndpointRecovered recovered)
    {
        bool wasDown;
        lock (_down)
        {
            wasDown = _down.Remove(Key(recovered));
        }

        if (wasDown)
        {
            Changed?.Invoke(recovered);
        }
    }

    private static (string, Uri) Key(ProviderEvent e) => (e.Provider, e.Endpoint);
}
