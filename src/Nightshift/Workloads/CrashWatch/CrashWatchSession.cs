using Nightshift.Agents;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Git;
using Nightshift.Landing;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Workloads.CrashWatch.Pipeline;

namespace Nightshift.Workloads.CrashWatch;

/// <summary>
/// The crash-watch workload (<c>nightshift crash-watch</c>): a journaled session that watches <c>crash.watch</c>, journals each
/// crash as it is taken, and runs one crash at a time through the <see cref="CrashPipeline"/> onto the session branch and the
/// service, until canceled (SIGINT/SIGTERM) or <see cref="CrashWatchOptions.MaxCrashes"/> pipelines ran. Glue over the parts
/// every workload shares: the journal, the session branch, workspaces, the lander, telemetry.
/// </summary>
/// <remarks>The caller holds the repository's session lock for the whole run.</remarks>
public sealed partial class CrashWatchSession(NightshiftConfig config, Journal journal, Ladder ladder, CrashWatchOptions options, ProcessRunner runner)
{
    public const string Workload = WorkloadNames.CrashWatch;

    private CrashQueue? _queue;

    /// <summary>Runs the session; returns what it did once it stops. Cancellation ends it cleanly (stop reason "interrupted").</summary>
    /// <exception cref="ConfigException">No <c>crash</c> or <c>build</c> section.</exception>
    public async Task<CrashWatchReport> RunAsync(CancellationToken cancellationToken)
    {
        config.RequireCrash("nightshift crash-watch");
        config.RequireBuild("nightshift crash-watch (it builds every fix before deploying it)");
        var repository = await GitRepository.OpenAsync(config.RepositoryRoot, options: null, onEvent: null, cancellationToken).ConfigureAwait(false);
        repository.Paths.State.EnsureCreated();
        var landing = LandingOptionsOf(config.Landing);
        var branchName = LandingTemplates.RenderBranch(landing.Branch, DateOnly.FromDateTime(DateTime.Now));
        var previous = await journal.LatestSessionAsync(cancellationToken).ConfigureAwait(false);
        var session = await journal.StartSessionAsync(Workload, branchName, ConfigHash.Of(config), cancellationToken).ConfigureAwait(false);
        await journal.SetSessionSandboxAsync(session.Id, runner.Sandbox.Name, cancellationToken).ConfigureAwait(false);
        var telemetry = SessionTelemetry.Start(repository.Paths.State, journal, session, config.Limits);
        var stopReason = "failed";
        var outcomes = new List<CrashOutcome>();
        try
        {
            // Resume: the branch of today's earlier session goes on, so the deployed build and the branch stay one line of fixes.
            var branch = await SessionBranches.OpenAsync(repository, landing, session.Id, resume: true, config.Workspace.Copy, null, cancellationToken)
                .ConfigureAwait(false);
            await WatchAndFixAsync(repository, landing, session.Id, branch.Name, telemetry, previous, outcomes, cancellationToken).ConfigureAwait(false);
            stopReason = cancellationToken.IsCancellationRequested ? "interrupted" : "max_crashes";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stopReason = "interrupted";
        }
        finally
        {
            await journal.EndSessionAsync(session.Id, stopReason, CancellationToken.None).ConfigureAwait(false);
            await telemetry.EndAsync(stopReason, CancellationToken.None).ConfigureAwait(false);
        }

        return new CrashWatchReport(session.Id, branchName, stopReason, _queue?.Detected ?? 0, _queue?.Attached ?? 0, outcomes);
    }

    private static LandingOptions LandingOptionsOf(LandingConfig landing) => new()
    {
        Branch = landing.Branch,
        Ticket = landing.Ticket,
        PendingWork = landing.Pending == PendingChanges.Include ? PendingWork.Include : PendingWork.Refuse,
        Push = landing.Push,
        Remote = landing.Remote,
    };
}
