using System.Globalization;
using Nightshift.Execution;
using Nightshift.Telemetry.Events;

namespace Nightshift.Workloads.CrashWatch.Deploy;

public sealed partial class ServiceController
{
    // The stop command's own limit: it should ask and return; the process then has the grace period to exit.
    private static readonly TimeSpan _stopCommandTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Runs <c>crash.service.stop</c> (when set), then waits for the process crash-watch started to exit, killing it after the grace period.</summary>
    private async Task StopAsync(Release release, CancellationToken cancellationToken)
    {
        var asked = false;
        if (_config.Stop is { } stop)
        {
            var spec = stop.ToSpec() with { WorkingDirectory = release.Directory, Environment = Environment(release), Timeout = _stopCommandTimeout };
            string? problem;
            try
            {
                var result = await _runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
                asked = result.Succeeded;
                problem = result.Succeeded ? null : string.Create(CultureInfo.InvariantCulture, $"exited {result.ExitCode} ({result.StopCause}): {Tail(result.StandardError)}");
            }
            catch (CommandStartException e)
            {
                problem = e.Message;
            }

            await _log(new ServiceStopCommandRan(release.Name, stop.ToString(), problem), null, cancellationToken)
                .ConfigureAwait(false);
        }

        if (Process is not { } process)
        {
            return;
        }

        var wasRunning = process.IsRunning;
        var killed = await process.StopAsync(_config.Grace, alreadyAsked: asked, cancellationToken).ConfigureAwait(false);
        await _log(new ServiceStopped(release.Name, process.Pid, wasRunning, killed), null, cancellationToken).ConfigureAwait(false);
        process.Dispose();
        Process = null;
        Save();
    }

    /// <summary>Starts <paramref name="release"/> detached and waits for its health check; null when healthy, else the problem.</summary>
    private async Task<string?> StartAsync(Release release, CancellationToken cancellationToken)
    {
        var spec = _config.Start.ToSpec() with { WorkingDirectory = release.Directory, Environment = Environment(release) };
        Current = release;
        Interlocked.Increment(ref _starts);
        try
        {
            Process = _runner.StartDetached(spec, LogFile);
        }
        catch (CommandStartException e)
        {
            Save();
            await _log(new ServiceStartFailed(release.Name, e.Message), null, cancellationToken)
                .ConfigureAwait(false);
            return e.Message;
        }

        Save();
        await _log(new ServiceStarted(release.Name, Process.Pid, release.Directory), null, cancellationToken)
            .ConfigureAwait(false);
        var (problem, waited) = await Health(release).WaitAsync(release.Directory, Process, _config.HealthTimeout, cancellationToken).ConfigureAwait(false);
        await _log(new ServiceHealthChecked(release.Name, problem is null, Math.Round(waited.TotalMilliseconds, 1), problem), null, cancellationToken)
            .ConfigureAwait(false);
        return problem;
    }

    private void Save() => new ServiceState(Current.Name, Current.Directory, Process?.Pid, Process?.StartTime).Write(_statePath);

    private static string Tail(string text) => text.Trim() is { Length: > 300 } trimmed ? "…" + trimmed[^300..] : text.Trim();
}
