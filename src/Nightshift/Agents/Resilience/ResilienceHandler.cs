using System.Globalization;
using System.Net;
using Nightshift.Agents.Providers;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Nightshift.Agents.Resilience;

/// <summary>
/// The one retry policy and circuit breaker of a provider's HttpClient, as a handler under the SDK:
/// the SDKs' own retries are off, so every call is retried once, by these rules, and every final
/// failure leaves here as a <see cref="ProviderException"/> with the status and the body, whatever the
/// SDK would have made of it.
/// </summary>
internal sealed partial class ResilienceHandler : DelegatingHandler
{
    /// <summary>Error bodies are kept for the report, not whole: a proxy's HTML page can be large.</summary>
    private const int MaxErrorBodyChars = 16_000;

    private static readonly ResiliencePropertyKey<RetryDecision?> _decisionKey = new("nightshift.retry-decision");
    private static readonly ResiliencePropertyKey<int> _attemptsKey = new("nightshift.attempts");

    private readonly string _provider;
    private readonly Uri _endpoint;
    private readonly ResilienceOptions _options;
    private readonly Action<ProviderEvent>? _onEvent;
    private readonly CircuitBreakerManualControl _circuit = new();
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private int _isDown;

    public ResilienceHandler(string provider, Uri endpoint, ResilienceOptions options, Action<ProviderEvent>? onEvent)
    {
        _provider = provider;
        _endpoint = endpoint;
        _options = options;
        _onEvent = onEvent;
        _pipeline = BuildPipeline();
    }

    /// <summary>Closes the circuit after a probe found the endpoint up, so the next call goes through.</summary>
    public Task RecoverAsync(CancellationToken cancellationToken) => _circuit.CloseAsync(cancellationToken);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Every attempt sends the same request, so its body must be readable more than once.
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var response = await _pipeline.ExecuteAsync(
                static (context, state) => state.Handler.AttemptAsync(state.Request, context),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                throw await FailureAsync(response, Attempts(context)).ConfigureAwait(false);
            }
        }
        catch (BrokenCircuitException exception)
        {
            var retryAt = exception.RetryAfter is { } wait ? Now + wait : (DateTimeOffset?)null;
            throw new ProviderException(
                ProviderFailure.EndpointDown,
                $"{_provider} at {_endpoint} is down: it failed repeatedly, so calls are paused{Until(retryAt)}. Nightshift probes it before trying again.",
                retryAt: retryAt,
                innerException: exception);
        }
        catch (HttpRequestException exception)
        {
            throw new ProviderException(
                ProviderFailure.Unreachable,
                $"{_provider} at {_endpoint} could not be reached after {Attempts(context)} attempt(s): {exception.Message} Check agent.base_url and that the server is running.",
                innerException: exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new ProviderException(
                ProviderFailure.Timeout,
                $"{_provider} at {_endpoint} did not answer within {_options.AttemptTimeout} in {Attempts(context)} attempt(s).",
                innerException: exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, ResilienceContext context)
    {
        context.Properties.Set(_attemptsKey, Attempts(context) + 1);
        var response = await base.SendAsync(request, context.CancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await BufferErrorBodyAsync(response, context.CancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private async Task<ProviderException> FailureAsync(HttpResponseMessage response, int attempts)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var retryAt = RetryAdvice.RetryAt(response.Headers, body, Now);
        var isUsageLimit = status == (int)HttpStatusCode.TooManyRequests && retryAt > Now + _options.MaxRetryAfter;
        var advice = status switch
        {
            (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden =>
                " The endpoint refused the credentials: check the API key in the variable agent.api_key_env names.",
            (int)HttpStatusCode.NotFound => " Check agent.base_url and agent.model.",
            _ when isUsageLimit => $" The usage limit resets{Until(retryAt)}, later than the {_options.MaxUsageLimitWait} Nightshift waits.",
            _ => "",
        };
        var excerpt = body.Length > 500 ? body[..500] + " …" : body;
        return new ProviderException(
            isUsageLimit ? ProviderFailure.UsageLimit : ProviderFailure.HttpError,
            $"{_provider} at {_endpoint} answered {RetryDecision.Describe(response)} after {attempts} attempt(s): {excerpt}{advice}",
            status,
            body,
            retryAt);
    }

    private static async Task BufferErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        var buffer = new char[MaxErrorBodyChars];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken).ConfigureAwait(false);
        response.Content.Dispose();
        response.Content = new StringContent(new string(buffer, 0, read));
    }

    private static int Attempts(ResilienceContext context) => context.Properties.GetValue(_attemptsKey, 0);

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    private static string Until(DateTimeOffset? at) =>
        at is { } time ? string.Create(CultureInfo.InvariantCulture, $" until {time:u}") : "";

    private void Publish(ProviderEvent providerEvent) => _onEvent?.Invoke(providerEvent);
}
