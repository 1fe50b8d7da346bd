using Nightshift.Agents;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Workloads.CrashWatch.Pipeline;

namespace Nightshift.Workloads.CrashWatch;

/// <summary>
/// The crash-watch workload (<c>nightshift crash-watch</c>): a journaled session that watches <c>crash.watch</c>, journals each
/// crash as it is taken, and runs one crash at a time through the <see cref="CrashPipeline"/> onto the session branch and the
/// service, until canceled (SIGINT/SIGTERM), <see cref="CrashWatchOptions.MaxCrashes"/> pipelines ran, or a limit of
/// <c>limits</c> no longer holds (<c>hours</c>, <c>max_cost_usd</c>, <c>min_free_disk</c>: see <see cref="SessionLimits"/>). Glue over the parts
/// every workload shares: the journal, the session branch, workspaces, the lander, telemetry.
/// </summary>
/// <remarks>The caller holds the repository's session lock for the whole run.</remarks>
public sealed partial class CrashWatchSession(NightshiftConfig config, Journal journal, Ladder ladder, CrashWatchOptions options, ProcessRunner runner)
{
    public const string Workload = WorkloadNames.CrashWatch;

    // How often status.json's service figures are refreshed while the session runs.
    private static readonly TimeSpan _serviceSampleInterval = TimeSpan.FromSeconds(2);

    private CrashQueue? _queue;

    /// <summary>Runs the session; returns what it did once it stops. Cancellation ends it cleanly (stop reason "interrupted").</summary>
    /// <exception cref="ConfigException">No <c>crash</c> or <c>build</c> section.</exception>
    public async Task<CrashWatchReport> RunAsync(CancellationToken cancellationToken)
    {
        config.RequireCrash("nightshift crash-watch");
        config.RequireBuild("nightshift crash-watch (it builds every fix before deploying it)");

        // Today's branch goes on, if an earlier session made it: the deployed build and the branch stay one line of fixes.
        await using var context = await SessionContext.OpenAsync(config, journal, runner, Workload, SessionResumption.Branch, TimeProvider.System, cancellationToken)
            .ConfigureAwait(false);
        var stopReason = "failed";
        var outcomes = new List<CrashOutcome>();
        try
        {
            var reached = await WatchAndFixAsync(context, outcomes, cancellationToken).ConfigureAwait(false);
            stopReason = cancellationToken.IsCancellationRequested ? "interrupted" : reached?.Name ?? "max_crashes";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stopReason = "interrupted";
        }
        finally
        {
            await journal.EndSessionAsync(context.Session.Id, stopReason, CancellationToken.None).ConfigureAwait(false);
            await context.Telemetry.EndAsync(stopReason, CancellationToken.None).ConfigureAwait(false);
        }

        return new CrashWatchReport(context.Session.Id, context.Branch.Name, stopReason, _queue?.Detected ?? 0, _queue?.Attached ?? 0, outcomes);
    }
}
