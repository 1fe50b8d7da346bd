using Nightshift.Diagnostics.Crashes;
using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Workloads.CrashWatch.Analysis;
using Nightshift.Workloads.CrashWatch.Deploy;
using Nightshift.Workloads.CrashWatch.Pipeline;
using Nightshift.Workloads.CrashWatch.Watching;

namespace Nightshift.Workloads.CrashWatch;

public sealed partial class CrashWatchSession
{
    /// <summary>
    /// Sets up the parts, makes sure the service runs, then watches and runs pipelines until canceled, enough ran, or a limit
    /// of <c>limits</c> no longer holds (returned; a pipeline in flight is finished first, none is started after).
    /// </summary>
    private async Task<LimitReached?> WatchAndFixAsync(SessionContext context, List<CrashOutcome> outcomes, CancellationToken cancellationToken)
    {
        var crash = config.Crash!;
        var (telemetry, sessionId) = (context.Telemetry, context.Session.Id);
        var paths = context.Paths;

        CrashEventSink log = (sessionEvent, attempt, token) => telemetry.EventAsync(sessionEvent, attempt, token);
        using var service = crash.Service is { } serviceConfig
            ? new ServiceController(serviceConfig, config.RepositoryRoot, paths, runner, log)
            : null;
        var releases = new Releases(paths.Releases);
        releases.Prune([service?.Current]);
        if (service is not null)
        {
            telemetry.Phase("starting service");
            if (await service.EnsureRunningAsync(cancellationToken).ConfigureAwait(false) is { } problem)
            {
                await telemetry.AlertAsync(
                    AlertSeverity.Critical, CrashAlerts.ServiceDown,
                    $"The service is not healthy and did not come up when started from {service.Current.Directory}: {problem}. See {service.LogFile}.",
                    cancellationToken).ConfigureAwait(false);
            }
        }

        var ownCode = await OwnCode.LoadAsync(context.Repository, config.RepositoryRoot, cancellationToken).ConfigureAwait(false);
        var queue = _queue = new CrashQueue(journal, telemetry, sessionId, paths.CrashReports, ownCode, options.MaxAttemptsPerCrash);
        await ResumeAsync(queue, context.Previous, cancellationToken).ConfigureAwait(false);

        using var watcher = new CrashFileWatcher(
            WatchTargets(paths),
            new WatchOptions(crash.Poll, crash.Settle, UseFileEvents: !options.PollOnly),
            FileOffsets.Load(paths.CrashOffsets),
            paths.Root);

        // A core already there may come from an older build, which gdb would misread with today's executable: only new ones count.
        watcher.SkipExisting(target => options.SkipExisting || target.IsCores);

        var pipeline = new CrashPipeline(new CrashPipelineParts(
            config, journal, telemetry, sessionId, context.Branch.Name, context.Repository, context.Workspaces, context.Lander, releases, service, ladder, runner,
            paths));
        using var limits = await SessionLimits.StartAsync(context, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var waitEnds = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limits.TimeUp);
        var watching = watcher.RunAsync(Intake(watcher, queue, paths, service, telemetry), stopWatching.Token);
        var exporting = ExportCoresAsync(paths, service, telemetry, stopWatching.Token);
        var sampling = service is null ? Task.CompletedTask : SampleServiceAsync(service, telemetry, stopWatching.Token);
        try
        {
            telemetry.Phase("watching");
            while (options.MaxCrashes is not { } max || outcomes.Count < max)
            {
                if (await limits.CheckAsync(cancellationToken).ConfigureAwait(false) is { } reached)
                {
                    return reached;
                }

                if (await NextAsync(queue, limits, waitEnds.Token, cancellationToken).ConfigureAwait(false) is not { } job)
                {
                    continue;
                }

                // The disk may have filled while the session waited: the crash stays journaled and open for the next session.
                if (await limits.CheckAsync(cancellationToken).ConfigureAwait(false) is { } reachedMeanwhile)
                {
                    return reachedMeanwhile;
                }

                telemetry.Phase("fixing");
                try
                {
                    outcomes.Add(await pipeline.RunAsync(job, cancellationToken).ConfigureAwait(false));
                }
                finally
                {
                    queue.Finished(job);
                }

                await limits.RecountAsync(context, cancellationToken).ConfigureAwait(false);
                await RecordServiceAsync(service, telemetry, cancellationToken).ConfigureAwait(false);
                telemetry.Phase("watching");
            }

            return null;
        }
        finally
        {
            await stopWatching.CancelAsync().ConfigureAwait(false);
            await watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await exporting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await RecordServiceAsync(service, telemetry, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // status.json shows the service's restarts, uptime and memory as they are now (nightshift status, watch).
    private static async Task SampleServiceAsync(ServiceController service, SessionTelemetry telemetry, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_serviceSampleInterval);
        do
        {
            var sample = service.Sample();
            telemetry.Status(status => status with { Service = sample });
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    // The journal keeps the figures after each crash and at the end, for the report.
    private static async Task RecordServiceAsync(ServiceController? service, SessionTelemetry telemetry, CancellationToken cancellationToken)
    {
        if (service is null)
        {
            return;
        }

        var sample = service.Sample();
        telemetry.Status(status => status with { Service = sample });
        await telemetry.EventAsync(ServiceSampled.Of(sample), null, cancellationToken).ConfigureAwait(false);
    }

    // The next crash, or null once limits.hours ran out while waiting for one.
    private static async Task<CrashJob?> NextAsync(CrashQueue queue, SessionLimits limits, CancellationToken waitEnds, CancellationToken cancellationToken)
    {
        try
        {
            return await queue.NextAsync(waitEnds).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (limits.TimeUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Queues again the crashes an earlier crash-watch session journaled but did not finish (it was killed or interrupted).</summary>
    private async Task ResumeAsync(CrashQueue queue, SessionRow? previous, CancellationToken cancellationToken)
    {
        if (previous is not { Workload: Workload })
        {
            return;
        }

        foreach (var task in await journal.SessionTasksAsync(previous.Id, cancellationToken).ConfigureAwait(false))
        {
            if (task is { Kind: CrashTasks.Kind, State: TaskState.Open })
            {
                await queue.ResumeAsync(task, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
