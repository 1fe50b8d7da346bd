using System.Text.Json;
using Nightshift.Clustering;
using Nightshift.Diagnostics;

namespace Nightshift.Telemetry;

/// <summary>
/// One diagnostic of one snapshot as <c>.nightshift/diagnostics.jsonl</c> keeps it for later training:
/// flat, self-contained (snapshot and session ids, cluster key) and with the tool's own rendering.
/// </summary>
public sealed record DiagnosticLine(
    long SnapshotId,
    long? SessionId,
    string? Item,
    string Tool,
    Severity Severity,
    string? Code,
    string Cluster,
    string Message,
    string? File,
    int? Line,
    int? Column,
    IReadOnlyList<string> Children,
    string? Rendered)
{
    public static DiagnosticLine From(long snapshotId, long? sessionId, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new DiagnosticLine(
            snapshotId,
            sessionId,
            diagnostic.Item,
            diagnostic.Tool,
            diagnostic.Severity,
            diagnostic.Code,
            ClusterKey.Of(diagnostic).ToString(),
            diagnostic.Message,
            diagnostic.Location?.File,
            diagnostic.Location?.Line,
            diagnostic.Location?.Column,
            diagnostic.Children,
            diagnostic.Rendered);
    }

    public string ToJsonLine() => JsonSerializer.Serialize(this, TelemetryJson.Compact);
}
