using Nightshift.Sessions;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Workloads.CrashWatch.Analysis;
using Nightshift.Workloads.CrashWatch.Deploy;
using Nightshift.Workloads.CrashWatch.Pipeline;
using Nightshift.Workloads.CrashWatch.Watching;

namespace Nightshift.Workloads.CrashWatch;

public sealed partial class CrashWatchSession
{
    /// <summary>Sets up the parts, makes sure the service runs, then watches and runs pipelines until canceled or enough ran.</summary>
    private async Task WatchAndFixAsync(SessionContext context, List<CrashOutcome> outcomes, CancellationToken cancellationToken)
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

        var targets = crash.Watch.Select(entry => WatchTarget.Parse(entry, config.RepositoryRoot)).ToList();
        using var watcher = new CrashFileWatcher(
            targets,
            new WatchOptions(crash.Poll, crash.Settle, UseFileEvents: !options.PollOnly),
            FileOffsets.Load(paths.CrashOffsets),
            paths.Root);
        if (options.SkipExisting)
        {
            watcher.SkipExisting();
        }

        var pipeline = new CrashPipeline(new CrashPipelineParts(
            config, journal, telemetry, sessionId, context.Branch.Name, context.Repository, context.Workspaces, context.Lander, releases, service, ladder, runner,
            paths));
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = watcher.RunAsync(queue.OfferAsync, stopWatching.Token);
        try
        {
            telemetry.Phase("watching");
            while (options.MaxCrashes is not { } max || outcomes.Count < max)
            {
                var job = await queue.NextAsync(cancellationToken).ConfigureAwait(false);
                telemetry.Phase("fixing");
                try
                {
                    outcomes.Add(await pipeline.RunAsync(job, cancellationToken).ConfigureAwait(false));
                }
                finally
                {
                    queue.Finished(job);
                }

                telemetry.Phase("watching");
            }
        }
        finally
        {
            await stopWatching.CancelAsync().ConfigureAwait(false);
            await watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
