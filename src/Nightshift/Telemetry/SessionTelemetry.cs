using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Store;

namespace Nightshift.Telemetry;

/// <summary>
/// What the session loop calls to be seen: <see cref="Status"/> rewrites <c>status.json</c>,
/// <see cref="EventAsync"/> journals a step and mirrors it to <c>events.jsonl</c>, <see cref="AlertAsync"/>
/// does the same for an alert and appends it to <c>alerts.jsonl</c>, <see cref="RecordDiagnostics"/> keeps a
/// snapshot's diagnostics in <c>diagnostics.jsonl</c>. Safe to call from parallel workers.
/// </summary>
/// <remarks>
/// The journal is the record; the files under <c>.nightshift/</c> are mirrors for people and tools. A journal
/// failure propagates (the loop cannot go on without its record), but a failed mirror write (a full disk, a
/// permission) must not end a night of verified work: it is kept in <see cref="LastFileError"/>, which the
/// loop may turn into a <see cref="AlertKinds.DiskLow"/> alert, and the next write tries again.
/// </remarks>
public sealed partial class SessionTelemetry
{
    // status.json stays small enough to rewrite every few seconds; watch shows far fewer.
    private const int MaxStatusClusters = 50;

    private readonly Journal _journal;
    private readonly TimeProvider _clock;
    private readonly int _minClusterSize;
    private readonly Lock _gate = new();
    private readonly AlertLog _alerts;
    private readonly EventLog _events;
    private readonly DiagnosticsLog _diagnostics;
    private SessionStatus _current;
    private long _refreshesStarted;
    private long _refreshApplied;
    private volatile Exception? _lastFileError;

    private SessionTelemetry(NightshiftPaths paths, Journal journal, SessionStatus initial, int minClusterSize, TimeProvider clock)
    {
        _journal = journal;
        _clock = clock;
        _minClusterSize = minClusterSize;
        _current = initial;
        StatusPath = paths.Status;
        _alerts = new AlertLog(paths.Alerts);
        _events = new EventLog(paths.Events);
        _diagnostics = new DiagnosticsLog(paths.Diagnostics);
    }

    public string StatusPath { get; }

    /// <summary>The last status written (or attempted).</summary>
    public SessionStatus Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>The last failed write of a file under <c>.nightshift/</c>; null once a later write succeeded.</summary>
    public Exception? LastFileError => _lastFileError;

    /// <summary>
    /// Starts the telemetry of a journaled session and writes its first status: phase "starting", every
    /// worker idle, the budgets of <paramref name="limits"/> unspent. <paramref name="clock"/> should be the
    /// journal's, so that file and journal times agree.
    /// </summary>
    public static SessionTelemetry Start(
        NightshiftPaths paths, Journal journal, SessionRow session, LimitsConfig limits, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(limits);
        clock ??= TimeProvider.System;
        var initial = SessionStatus.Starting(session, limits.TimeBudget, limits.MaxCostUsd, Math.Max(1, limits.Workers), clock.GetUtcNow());
        var telemetry = new SessionTelemetry(paths, journal, initial, limits.MinClusterSize, clock);
        telemetry.Status(status => status);
        return telemetry;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current status, restamps the derived figures (elapsed, time
    /// and cost left, ETA, updated_at) and rewrites status.json. Changes from parallel workers are serialized.
    /// </summary>
    public SessionStatus Status(Func<SessionStatus, SessionStatus> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            return Apply(change);
        }
    }

    /// <summary>Names the phase the loop entered ("baseline", "burn-down", "report").</summary>
    public SessionStatus Phase(string phase) => Status(status => status with { Phase = phase });

    /// <summary>Changes what worker <paramref name="worker"/> (1-based) is doing, e.g. its current attempt or last tool call.</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such worker.</exception>
    public SessionStatus Worker(int worker, Func<WorkerStatus, WorkerStatus> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Status(status =>
        {
            var index = status.Workers.ToList().FindIndex(w => w.Worker == worker);
            if (index < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(worker), worker, $"The session has workers 1 to {status.Workers.Count}.");
            }

            var workers = status.Workers.ToArray();
            workers[index] = change(workers[index]) with { Worker = worker };
            return status with { Workers = workers };
        });
    }

    // Callers hold _gate: the change, the stamp and the file write are one step, so the file always holds
    // the latest status and never an older one written late.
    private SessionStatus Apply(Func<SessionStatus, SessionStatus> change)
    {
        _current = Stamp(change(_current));
        Mirror(() => StatusFile.Write(StatusPath, _current));
        return _current;
    }

    private SessionStatus Stamp(SessionStatus status)
    {
        var now = _clock.GetUtcNow();
        if (status.State != SessionState.Running)
        {
            // An ended session's figures are final: keep its elapsed time and drop the estimate.
            return status with { Eta = null, UpdatedAt = now };
        }

        var elapsed = now - status.StartedAt;
        var eta = status.Errors.Now is null
            ? null
            : EtaEstimate.Estimate(status.StartedAt, now, status.Budget.Time, status.CommitsLanded, status.ClustersRemaining);
        return status with
        {
            Elapsed = elapsed,
            Budget = status.Budget.At(elapsed, status.Budget.CostUsd, status.Budget.TokensIn, status.Budget.TokensOut),
            Eta = eta,
            UpdatedAt = now,
        };
    }

    private void Mirror(Action write)
    {
        try
        {
            write();
            _lastFileError = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _lastFileError = e;
        }
    }
}
