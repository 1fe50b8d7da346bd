using System.Net;

namespace Nightshift.Agents.Providers;

/// <summary>
/// A model provider failed for good: retries, if any applied, are spent. Carries the status and the
/// response body, so the morning report can say what the endpoint answered. Credentials and a wrong
/// URL or model (401, 403, 404) are fatal: every further attempt would fail the same way.
/// </summary>
public sealed class ProviderException : NightshiftException
{
    public ProviderException(
        ProviderFailure failure,
        string message,
        int? statusCode = null,
        string? responseBody = null,
        DateTimeOffset? retryAt = null,
        Exception? innerException = null)
        : base(message, IsFatalStatus(statusCode), innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
        ResponseBody = responseBody;
        RetryAt = retryAt;
    }

    public ProviderFailure Failure { get; }

    /// <summary>The last HTTP status the endpoint answered with, if it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The last error response's body (bounded), if there was one.</summary>
    public string? ResponseBody { get; }

    /// <summary>When the provider said it would take requests again (usage limit, open circuit).</summary>
    public DateTimeOffset? RetryAt { get; }

    /// <summary>
    /// The endpoint could not serve the call (no answer, a timeout, an open circuit, a usage limit, a server error that retries
    /// did not cure): the call says nothing about the task, only about the endpoint.
    /// </summary>
    public bool IsOutage => Failure switch
    {
        ProviderFailure.Unreachable or ProviderFailure.Timeout or ProviderFailure.EndpointDown or ProviderFailure.UsageLimit => true,
        ProviderFailure.HttpError => StatusCode is >= 500 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests,
        _ => false,
    };

    /// <summary>A configuration error (key, URL, model) is a usage/config error for the whole command.</summary>
    public override int ExitCode => IsFatal ? ExitCodes.UsageOrConfig : ExitCodes.Failed;

    private static bool IsFatalStatus(int? statusCode) => statusCode is
        (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound;
}
