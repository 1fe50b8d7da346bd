using System.Text.Json;

namespace Nightshift.Probing;

/// <summary>The payload_json of a journaled snapshot.</summary>
public sealed record SnapshotPayload(IReadOnlyList<ItemSummary> Items, IReadOnlyDictionary<string, string> Examples)
{
    /// <summary>Reads a snapshot row's payload; null when it has none or it is not one of ours.</summary>
    public static SnapshotPayload? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<SnapshotPayload>(json, DiagnosticJson.Options);
            return payload is { Items: not null, Examples: not null } ? payload : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
