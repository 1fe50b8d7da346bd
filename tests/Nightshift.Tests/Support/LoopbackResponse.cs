namespace Nightshift.Tests.Support;

/// <summary>
/// One scripted answer of a <see cref="LoopbackServer"/>: a status and a body, or server-sent events
/// written and flushed one by one, or no answer at all until the client gives up.
/// </summary>
public sealed record LoopbackResponse(int Status, string Body, string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Events written one at a time with a flush after each, as a streaming server does.</summary>
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>Never answer; the request ends when the client aborts it.</summary>
    public bool Hangs { get; init; }

    public static LoopbackResponse Json(string body) => new(200, body);

    public static LoopbackResponse Error(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body) { Headers = headers.ToDictionary(header => header.Name, header => header.Value) };

    /// <summary>Server-sent events; each string is one complete event including its trailing blank line.</summary>
    public static LoopbackResponse Stream(IEnumerable<string> events) =>
        new(200, "", "text/event-stream") { Events = [.. events] };

    public static LoopbackResponse Silence() => new(200, "") { Hangs = true };
}
