using System.Globalization;
using Nightshift.Agents.Providers;

namespace Nightshift.Agents.Resilience;

/// <summary>
/// The HTTP side of one provider: one connection pool, the resilient HttpClient the SDK sends through,
/// and a plain one for probes, which must reach the endpoint while the circuit is open.
/// </summary>
internal sealed class ProviderTransport : IDisposable
{
    private const int ProbeDetailChars = 300;

    private readonly ResilienceHandler _resilience;
    private readonly HttpClient _probeClient;

    public ProviderTransport(string provider, Uri endpoint, ResilienceOptions options, Action<ProviderEvent>? onEvent)
    {
        var connections = new SocketsHttpHandler
        {
            // Long-lived pools must notice DNS changes of a hosted endpoint.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        _resilience = new ResilienceHandler(provider, endpoint, options, onEvent) { InnerHandler = connections };

        // No client timeout: it would cut through the retry waits. Each attempt has its own timeout, and the
        // agent's wall-time and idle budgets bound the whole query.
        Client = new HttpClient(new LoneSurrogateHandler { InnerHandler = _resilience }) { Timeout = Timeout.InfiniteTimeSpan };
        _probeClient = new HttpClient(connections, disposeHandler: false) { Timeout = options.ProbeTimeout };
    }

    /// <summary>The client the SDK sends through.</summary>
    public HttpClient Client { get; }

    /// <summary>
    /// Sends one request outside the retry and the circuit breaker. An answer that is not 408, 429 or 5xx
    /// means the endpoint is up, and closes the circuit.
    /// </summary>
    public async Task<EndpointProbe> ProbeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _probeClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var isUp = status != 429 && !RetryDecision.IsOutage(status);
            if (isUp)
            {
                await _resilience.RecoverAsync(cancellationToken).ConfigureAwait(false);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var detail = string.Create(CultureInfo.InvariantCulture, $"{RetryDecision.Describe(response)}: {(body.Length > ProbeDetailChars ? body[..ProbeDetailChars] + " …" : body)}");
            return new EndpointProbe(isUp, status, detail);
        }
        catch (HttpRequestException exception)
        {
            return new EndpointProbe(false, null, exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EndpointProbe(false, null, $"no answer within {_probeClient.Timeout}");
        }
    }

    public void Dispose()
    {
        _probeClient.Dispose();
        Client.Dispose();
    }
}
