using System.Globalization;
using Nightshift.Agents.Resilience;

namespace Nightshift.Cli.Rendering;

/// <summary>The stderr line for what happened at a model endpoint: retries, usage-limit waits, outages, probes.</summary>
internal static class ProviderEventText
{
    public static string Line(ProviderEvent e) => e switch
    {
        RetryScheduled retry => Invariant($"{e.Provider}: attempt {retry.Attempt} failed ({retry.Reason}); retrying in {retry.Delay.TotalSeconds:0.#} s"),
        UsageLimitReached limit => Invariant($"{e.Provider}: usage limit reached; waiting until {limit.ResetAt:u}"),
        EndpointDown down => $"{e.Provider} at {e.Endpoint} is down ({down.Reason}); pausing and probing it until it answers",
        EndpointProbed probe => $"{e.Provider} at {e.Endpoint}: probe {(probe.Probe.IsUp ? "answered" : "failed")}: {probe.Probe.Detail}",
        EndpointRecovered => $"{e.Provider} at {e.Endpoint} is back; resuming",
        _ => $"{e.Provider} at {e.Endpoint}: {e.GetType().Name}",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
