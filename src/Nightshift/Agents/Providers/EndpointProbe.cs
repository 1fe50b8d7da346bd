namespace Nightshift.Agents.Providers;

/// <summary>The answer to <see cref="EndpointChatClient.ProbeAsync"/>.</summary>
/// <param name="IsUp">True when the endpoint answered as a live server does (any status but 408,
/// 429 and 5xx: a 401 or 404 is a configuration problem, not an outage).</param>
/// <param name="StatusCode">The HTTP status, when there was an answer.</param>
/// <param name="Detail">What happened, for a person: the status and the start of the body, or the
/// connection error.</param>
public sealed record EndpointProbe(bool IsUp, int? StatusCode, string Detail);
