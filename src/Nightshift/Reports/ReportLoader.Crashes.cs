using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Store;
using Nightshift.Telemetry;

namespace Nightshift.Reports;

public static partial class ReportLoader
{
    private static readonly string[] _crashKinds =
    [
        CrashEvents.Detected, CrashEvents.Attached, CrashEvents.Recurred, CrashEvents.Resumed,
        CrashEvents.PipelineStarted, CrashEvents.StepFinished, CrashEvents.Done,
    ];

    /// <summary>
    /// The session's crashes, one per crash task, in the order first journaled, from the events crash-watch writes (see
    /// <see cref="CrashEvents"/>); none for a session of another workload, which journals no such event.
    /// </summary>
    private static async Task<List<CrashEntry>> CrashesAsync(
        Journal journal, SessionRow session, IReadOnlyList<TaskRow> tasks, CancellationToken cancellationToken)
    {
        var events = new List<EventRow>();
        foreach (var kind in _crashKinds)
        {
            events.AddRange(await journal.SessionEventsOfKindAsync(session.Id, kind, cancellationToken).ConfigureAwait(false));
        }

        var trails = new Dictionary<long, CrashTrail>();
        foreach (var row in events.OrderBy(e => e.Id))
        {
            if (ReadPayload(row) is not { } payload || CrashTrail.Long(payload, "task") is not { } task)
            {
                continue;
            }

            if (!trails.TryGetValue(task, out var trail))
            {
                trails[task] = trail = new CrashTrail(task);
            }

            trail.Add(row.Kind, row.At, payload);
        }

        var titles = tasks.ToDictionary(t => t.Id, t => t.Title);
        var running = session.State == SessionState.Running;
        return [.. trails.Values.Select(t => t.ToEntry(titles.GetValueOrDefault(t.TaskId), running))];
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
