using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;

namespace Nightshift.Reports;

public static partial class ReportLoader
{
    private static readonly string[] _crashKinds =
    [
        EventJson.KindOf<CrashDetected>(), EventJson.KindOf<CrashAttached>(), EventJson.KindOf<CrashRecurred>(), EventJson.KindOf<CrashResumed>(),
        EventJson.KindOf<CrashPipelineStarted>(), EventJson.KindOf<CrashStepFinished>(), EventJson.KindOf<CrashDone>(),
    ];

    /// <summary>
    /// The session's crashes, one per crash task, in the order first journaled, from the crash events crash-watch writes
    /// (see <see cref="ICrashEvent"/>); none for a session of another workload, which journals no such event.
    /// </summary>
    private static async Task<List<CrashEntry>> CrashesAsync(
        Journal journal, SessionRow session, IReadOnlyList<TaskRow> tasks, CancellationToken cancellationToken)
    {
        var events = new List<EventRow>();
        foreach (var kind in _crashKinds)
        {
            events.AddRange(await EventsOfKindAsync(journal, session.Id, kind, cancellationToken).ConfigureAwait(false));
        }

        var trails = new Dictionary<long, CrashTrail>();
        foreach (var row in events.OrderBy(e => e.Id))
        {
            if (EventJson.Read(row.Kind, ReadPayload(row)) is not ICrashEvent crashEvent)
            {
                continue;
            }

            if (!trails.TryGetValue(crashEvent.Task, out var trail))
            {
                trails[crashEvent.Task] = trail = new CrashTrail(crashEvent.Task);
            }

            trail.Add(crashEvent, row.At);
        }

        var titles = tasks.ToDictionary(t => t.Id, t => t.Title);
        var running = session.State == SessionState.Running;
        return [.. trails.Values.Select(t => t.ToEntry(titles.GetValueOrDefault(t.TaskId), running))];
    }

    /// <summary>The service's figures as the session last journaled them (<see cref="ServiceSampled"/>); null when it never did.</summary>
    private static async Task<ServiceStatus?> ServiceAsync(Journal journal, SessionRow session, CancellationToken cancellationToken) =>
        (await EventsOfKindAsync(journal, session.Id, EventJson.KindOf<ServiceSampled>(), cancellationToken).ConfigureAwait(false))
            .Select(row => EventJson.Read(row.Kind, ReadPayload(row)) as ServiceSampled)
            .LastOrDefault(sample => sample is not null)?.ToStatus();

    /// <summary>The session's events of <paramref name="kind"/>, journaled under it or an old spelling of it, oldest first.</summary>
    private static async Task<List<EventRow>> EventsOfKindAsync(Journal journal, long sessionId, string kind, CancellationToken cancellationToken)
    {
        var events = new List<EventRow>();
        foreach (var spelling in EventJson.Spellings(kind))
        {
            events.AddRange(await journal.SessionEventsOfKindAsync(sessionId, spelling, cancellationToken).ConfigureAwait(false));
        }

        return [.. events.OrderBy(e => e.Id)];
    }

    // A payload that cannot be read is left out: one malformed event must not cost the whole morning report.
    private static JsonObject? ReadPayload(EventRow row)
    {
        try
        {
            return row.PayloadJson is { } json ? JsonNode.Parse(json) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
