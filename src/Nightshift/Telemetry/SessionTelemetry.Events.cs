using System.Text.Json.Nodes;
using Nightshift.Diagnostics;
using Nightshift.Store;
using Nightshift.Telemetry.Events;

namespace Nightshift.Telemetry;

public sealed partial class SessionTelemetry
{
    /// <summary>Appends the diagnostics of the snapshot journaled as <paramref name="snapshotId"/> to diagnostics.jsonl.</summary>
    public void RecordDiagnostics(long snapshotId, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sessionId = Current.SessionId;
        Mirror(() => _diagnostics.Append(snapshotId, sessionId, diagnostics));
    }

    /// <summary>
    /// Journals an event of the session and mirrors it to events.jsonl; returns it as written, with the
    /// journal's id and time.
    /// </summary>
    /// <remarks>
    /// Call it outside <see cref="Journal.InTransactionAsync(Func{Microsoft.Data.Sqlite.SqliteTransaction, Task}, CancellationToken)"/>:
    /// inside, the line would be written before the caller's transaction commits, and stay if it rolled back.
    /// </remarks>
    public Task<TelemetryEvent> EventAsync(SessionEvent sessionEvent, long? attemptId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionEvent);
        return AppendAsync(EventJson.KindOf(sessionEvent.GetType()), EventJson.Payload(sessionEvent), attemptId, cancellationToken);
    }

    private async Task<TelemetryEvent> AppendAsync(string kind, JsonObject? payload, long? attemptId, CancellationToken cancellationToken)
    {
        var sessionId = Current.SessionId;
        var payloadJson = payload?.ToJsonString(TelemetryJson.Compact);

        // One journal transaction around the insert, the read-back and the line: parallel workers' events then
        // reach events.jsonl in the journal's id order, which is what a tail of the file shows as "recent".
        return await _journal.InTransactionAsync(
            async _ =>
            {
                var id = await _journal.AppendEventAsync(new NewEvent(sessionId, kind, payloadJson, attemptId), cancellationToken)
                    .ConfigureAwait(false);
                var journaled = await _journal.ReadEventsAsync(sessionId, id - 1, 1, cancellationToken).ConfigureAwait(false);
                var at = journaled.Count == 1 && journaled[0].Id == id ? journaled[0].At : _clock.GetUtcNow();

                // Re-parsed from the text journaled, so the line holds exactly what the journal holds.
                var written = new TelemetryEvent(
                    id, at, sessionId, attemptId, kind, payloadJson is null ? null : JsonNode.Parse(payloadJson)!.AsObject());
                Mirror(() => _events.Append(written));
                return written;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Raises an alert: appended to alerts.jsonl first (a person must see it even if the journal is failing),
    /// then journaled as an <see cref="AlertRaised"/> event and mirrored to events.jsonl.
    /// </summary>
    public async Task<Alert> AlertAsync(AlertSeverity severity, string kind, string message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(message);
        var alert = new Alert(_clock.GetUtcNow(), severity, kind, message, Current.SessionId);
        Mirror(() => _alerts.Append(alert));
        await EventAsync(AlertRaised.Of(alert), cancellationToken: cancellationToken).ConfigureAwait(false);
        return alert;
    }
}
