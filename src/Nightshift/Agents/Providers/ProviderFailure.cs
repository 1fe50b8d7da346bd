namespace Nightshift.Agents.Providers;

/// <summary>What kind of failure a <see cref="ProviderException"/> reports.</summary>
public enum ProviderFailure
{
    /// <summary>The endpoint answered with an error status that retries did not cure (or that no retry cures: 400, 401, 404).</summary>
    HttpError,

    /// <summary>No answer at all: connection refused, DNS, TLS, a reset connection.</summary>
    Unreachable,

    /// <summary>An attempt got no response headers within the attempt timeout.</summary>
    Timeout,

    /// <summary>The circuit breaker is open: the endpoint failed repeatedly and is not being called.</summary>
    EndpointDown,

    /// <summary>The provider's usage limit resets later than Nightshift is willing to wait.</summary>
    UsageLimit,

    /// <summary>The endpoint answered 2xx with something the SDK could not read.</summary>
    BadResponse,
}
