using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;

namespace Nightshift.Reports;

/// <summary>Loads the <see cref="ReportData"/> of one session from the journal: only what was measured and journaled.</summary>
/// <remarks>
/// What the session loop must journal for the report to be right: the baseline snapshot and every later one
/// with the session's id (first = before, last = after); each attempt's usage (FinishAttemptAsync) and verdict
/// (RecordVerdictAsync, whose figures are what the report says was verified); each landing (RecordCommitAsync);
/// alerts as events of kind "alert.raised" (SessionTelemetry.AlertAsync does it); the stop reason (EndSessionAsync).
/// A crash-watch session's crashes come from its crash events (<see cref="ICrashEvent"/>), see ReportLoader.Crashes.cs.
/// </remarks>
public static partial class ReportLoader
{
    /// <summary>The report of session <paramref name="sessionId"/>, or of the latest session when it is null.</summary>
    /// <remarks><paramref name="now"/> is the report's time: a running session's duration is measured up to it.</remarks>
    /// <exception cref="NightshiftException">The journal has no sessions, or not the one asked for.</exception>
    public static async Task<ReportData> LoadAsync(
        Journal journal, long? sessionId, ReportTargets targets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(targets);
        var sessions = await journal.ListSessionsAsync(cancellationToken).ConfigureAwait(false);
        var session = Pick(journal, sessions, sessionId);

        var snapshots = await journal.SessionSnapshotsAsync(session.Id, cancellationToken).ConfigureAwait(false);
        var attempts = await journal.SessionAttemptsAsync(session.Id, cancellationToken).ConfigureAwait(false);
        var taskRows = await journal.SessionTasksAsync(session.Id, cancellationToken).ConfigureAwait(false);
        var tasks = taskRows.ToDictionary(t => t.Id, t => t.Key);
        var commits = await journal.SessionCommitsAsync(session.Id, cancellationToken).ConfigureAwait(false);
        var alertEvents = await EventsOfKindAsync(journal, session.Id, EventJson.KindOf<AlertRaised>(), cancellationToken).ConfigureAwait(false);
        var totals = await journal.SessionTotalsAsync(null, cancellationToken).ConfigureAwait(false);
        var crashes = await CrashesAsync(journal, session, taskRows, cancellationToken).ConfigureAwait(false);
        var service = await ServiceAsync(journal, session, cancellationToken).ConfigureAwait(false);

        var verdicts = attempts.ToDictionary(a => a.Id, a => VerdictReader.Read(a.VerdictJson));
        var first = snapshots.Count == 0 ? null : snapshots[0];
        var last = snapshots.Count == 0 ? null : snapshots[^1];
        var alerts = alertEvents.Select(ReadAlert).ToList();

        return new ReportData(
            now,
            new ReportSession(
                session.Id, session.Workload, session.Branch, session.State, session.StartedAt, session.EndedAt,
                (session.EndedAt ?? now) - session.StartedAt, session.StopReason, session.Sandbox, session.Model),
            Commits(commits, attempts, tasks, verdicts),
            Clusters(first, last),
            first is null || last is null ? null : new ErrorTotals(first.Errors, last.Errors, first.Warnings, last.Warnings),
            [.. snapshots.Select(s => new SnapshotPoint(s.Id, s.TakenAt, s.Errors, s.Warnings))],
            Rejections(attempts, verdicts),
            alerts,
            Agents(attempts),
            [.. attempts.Select(a => new AttemptSpan(
                a.Id, a.Agent, tasks.GetValueOrDefault(a.TaskId), a.State, a.StartedAt, a.EndedAt - a.StartedAt))],
            Targets(targets, commits.Count, alerts, attempts, verdicts, first, last, clusters: session.Workload != WorkloadNames.CrashWatch),
            History(sessions, totals),
            crashes,
            service);
    }

    private static SessionRow Pick(Journal journal, IReadOnlyList<SessionRow> sessions, long? sessionId)
    {
        if (sessions.Count == 0)
        {
            throw new NightshiftException($"The journal {journal.DatabasePath} holds no session yet: there is nothing to report.");
        }

        if (sessionId is not { } id)
        {
            return sessions[^1];
        }

        return sessions.FirstOrDefault(s => s.Id == id) ?? throw new NightshiftException(
            $"The journal {journal.DatabasePath} has no session {id}; it holds sessions {sessions[0].Id} to {sessions[^1].Id}.");
    }

    private static List<ReportCommit> Commits(
        IReadOnlyList<CommitRow> commits,
        IReadOnlyList<AttemptRow> attempts,
        Dictionary<long, string> tasks,
        Dictionary<long, VerdictSummary> verdicts)
    {
        var byId = attempts.ToDictionary(a => a.Id);
        return [.. commits.Select(c =>
        {
            var attempt = byId.GetValueOrDefault(c.AttemptId);
            var verified = verdicts.GetValueOrDefault(c.AttemptId)?.Verified;
            return new ReportCommit(
                c.Ticket, c.Sha, CommitMessage.Subject(c.Message), verified, c.AttemptId, attempt?.Agent ?? "?",
                attempt is null ? null : tasks.GetValueOrDefault(attempt.TaskId), c.CreatedAt, attempt?.Diff);
        })];
    }

    private static List<ClusterChange> Clusters(SnapshotRow? first, SnapshotRow? last)
    {
        var before = first?.Clusters.ToDictionary(c => c.Key, StringComparer.Ordinal) ?? [];
        var after = last?.Clusters.ToDictionary(c => c.Key, StringComparer.Ordinal) ?? [];
        return [.. before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Select(key =>
            {
                var row = before.GetValueOrDefault(key) ?? after[key];
                return new ClusterChange(
                    key, row.Tool, row.Code, row.Severity, before.GetValueOrDefault(key)?.Count ?? 0, after.GetValueOrDefault(key)?.Count ?? 0);
            })
            .OrderByDescending(c => c.Before)
            .ThenByDescending(c => c.After)
            .ThenBy(c => c.Key, StringComparer.Ordinal)];
    }

    private static List<RejectionGroup> Rejections(IReadOnlyList<AttemptRow> attempts, Dictionary<long, VerdictSummary> verdicts)
    {
        var reasons = attempts
            .Where(a => a.State == AttemptState.Rejected)
            .SelectMany(a => verdicts[a.Id].Reasons is { Count: > 0 } given
                ? given.Select(r => (Attempt: a.Id, r.Kind, r.Text))
                : [(Attempt: a.Id, Kind: VerdictReason.UnspecifiedKind, Text: "")]);
        return [.. reasons
            .GroupBy(r => r.Kind, StringComparer.Ordinal)
            .Select(g => new RejectionGroup(
                g.Key,
                g.Select(r => r.Attempt).Distinct().Count(),
                [.. g.Select(r => r.Text).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Take(3)]))
            .OrderByDescending(g => g.Attempts)
            .ThenBy(g => g.Reason, StringComparer.Ordinal)];
    }

    private static List<AgentUsage> Agents(IReadOnlyList<AttemptRow> attempts) =>
        [.. attempts
            .GroupBy(a => a.Agent, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AgentUsage(
                g.Key,
                g.Count(),
                g.Count(a => a.State == AttemptState.Landed),
                g.Count(a => a.State == AttemptState.Rejected),
                g.Count(a => a.State == AttemptState.Abandoned),
                g.Sum(a => a.TokensIn),
                g.Sum(a => a.TokensOut),
                g.Sum(a => a.CostUsd)))];

    private static List<SessionHistoryEntry> History(IReadOnlyList<SessionRow> sessions, IReadOnlyList<SessionTotalsRow> totals)
    {
        var byId = totals.ToDictionary(t => t.SessionId);
        return [.. sessions.Select(s =>
        {
            var t = byId.GetValueOrDefault(s.Id) ?? new SessionTotalsRow(s.Id, 0, 0, 0, 0, 0, 0m, null, null);
            return new SessionHistoryEntry(
                s.Id, s.Workload, s.State, s.StartedAt, s.EndedAt - s.StartedAt, s.StopReason, t.Commits, t.Attempts, t.Rejected,
                t.ErrorsFirst, t.ErrorsLast, t.CostUsd);
        })];
    }

    // An alert event whose payload cannot be read is still an alert: shown with its raw text rather than dropped.
    private static Alert ReadAlert(EventRow row) =>
        Alert.TryParse(row.PayloadJson) ?? new Alert(row.At, AlertSeverity.Warning, "unreadable_alert", row.PayloadJson ?? "", row.SessionId);
}
