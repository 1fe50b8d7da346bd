using Nightshift.Attempts;
using Nightshift.Configuration;
using Nightshift.Landing;
using Nightshift.Probing;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.BurnDown;

/// <summary>
/// The burn-down loop of one night, from its measured baseline: attempts on the largest open clusters by up to
/// <c>limits.workers</c> workers, each run by the shared <see cref="AttemptRunner"/> and landed when accepted, until a stop
/// condition holds. Built complete from the session's context; only the loop's own counts change as it runs.
/// </summary>
internal sealed partial class NightRun : IDisposable
{
    private readonly NightshiftConfig _config;
    private readonly NightOptions _options;
    private readonly TimeProvider _clock;
    private readonly Journal _journal;
    private readonly SessionRow _session;
    private readonly SessionBranch _branch;
    private readonly SessionTelemetry _telemetry;
    private readonly WorkspaceManager _workspaces;
    private readonly Lander _lander;
    private readonly WorktreeMeasurer _measurer;
    private readonly AttemptRunner _attempts;
    private readonly ClusterBoard _board;
    private readonly SessionLimits _limits;
    private readonly SemaphoreSlim _landing = new(1, 1);
    private Measurement _tip;

    public NightRun(
        SessionContext context, NightOptions options, TimeProvider clock, WorktreeMeasurer measurer, ClusterBoard board, Measurement baseline, SessionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(context);
        (_config, _options, _clock, _measurer, _board, _tip, _limits) = (context.Config, options, clock, measurer, board, baseline, limits);
        (_journal, _session, _branch, _telemetry) = (context.Journal, context.Session, context.Branch, context.Telemetry);
        (_workspaces, _lander) = (context.Workspaces, context.Lander);
        _attempts = new AttemptRunner(_journal, Night.Workload, context.Paths, _config.Agent.Model);
    }

    /// <summary>Commits landed by this run.</summary>
    public int Commits { get; private set; }

    /// <summary>Attempts the verifier rejected in this run.</summary>
    public int Rejections { get; private set; }

    /// <summary>The session branch as last measured: the baseline, then each landed fix.</summary>
    public Measurement Tip => _tip;

    public void Dispose() => _landing.Dispose();

    private Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken) =>
        Night.SaveSnapshotAsync(_journal, _telemetry, _session, snapshot, _clock, cancellationToken);

    private Task<TelemetryEvent> EventAsync(SessionEvent sessionEvent, long? attemptId, CancellationToken cancellationToken) =>
        _telemetry.EventAsync(sessionEvent, attemptId, cancellationToken);

    private void Say(string line) => _options.Progress?.Report(line);
}
