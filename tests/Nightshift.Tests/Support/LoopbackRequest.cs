using System.Text.Json;

namespace Nightshift.Tests.Support;

/// <summary>A request a <see cref="LoopbackServer"/> received, as the wire carried it.</summary>
public sealed record LoopbackRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>True when the JSON body asks for a streamed answer (<c>"stream": true</c>).</summary>
    public bool WantsStream =>
        Body.Length > 0
        && JsonDocument.Parse(Body).RootElement is { ValueKind: JsonValueKind.Object } root
        && root.TryGetProperty("stream", out var stream)
        && stream.ValueKind == JsonValueKind.True;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
