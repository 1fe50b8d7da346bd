using System.Diagnostics;
using System.Globalization;
using Nightshift.Probing;
using Spectre.Console;

namespace Nightshift.Cli.Rendering;

/// <summary>
/// Runs a probe with its progress on stderr: a live bar on a terminal; when stderr is redirected (CI, a log
/// file, a test), nothing while it runs and one summary line at the end, so logs hold no animation.
/// </summary>
internal static class ProbeProgressDisplay
{
    public static async Task<Snapshot> RunAsync(
        CliHost host, IProbe probe, string root, ProbeOptions options, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        Snapshot snapshot;
        if (host.Interactive)
        {
            var console = host.CreateErrorConsole();
            snapshot = await console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("probing", maxValue: 1);
                    task.IsIndeterminate = true;
                    return await probe.RunAsync(root, options, new TaskProgress(task), cancellationToken);
                });
        }
        else
        {
            snapshot = await probe.RunAsync(root, options, progress: null, cancellationToken);
        }

        await host.Error.WriteLineAsync(Summary(snapshot, stopwatch.Elapsed).AsMemory(), cancellationToken);
        return snapshot;
    }

    private static string Summary(Snapshot snapshot, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var items = snapshot.Items.Count;
        return $"probed {items} item{(items == 1 ? "" : "s")} in {seconds} s ({items - snapshot.Cached} run, {snapshot.Cached} cached)";
    }

    /// <summary>Moves the bar as items finish; Spectre's task is safe to update from the probe's worker threads.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<ProbeProgress>
    {
        private readonly Lock _gate = new();

        public void Report(ProbeProgress value)
        {
            lock (_gate)
            {
                task.IsIndeterminate = false;
                task.MaxValue = value.Total;
                task.Value = Math.Max(task.Value, value.Completed);
                // Counts, not the item's name: a description is markup, and paths may hold brackets or colons.
                task.Description = $"probing {value.Completed}/{value.Total}";
            }
        }
    }
}
