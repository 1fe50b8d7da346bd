using System.Diagnostics;
using System.Globalization;
using Nightshift.Configuration;
using Nightshift.Execution;

namespace Nightshift.Workloads.CrashWatch.Deploy;

/// <summary>
/// Asks whether the service is up (<c>crash.service.health</c>): an http(s) URL that answers 2xx, or a command that exits 0.
/// Without a health check, a service counts as up while the process it was started as is running.
/// </summary>
public sealed class HealthProbe(HealthCheck? check, ProcessRunner runner, IReadOnlyDictionary<string, string?> environment)
{
    private static readonly TimeSpan _attemptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(200);
    private static readonly HttpClient _http = new() { Timeout = _attemptTimeout };

    public HealthCheck? Check { get; } = check;

    /// <summary>One probe: null when healthy, else what was wrong ("HTTP 503", "connection refused", "exit 1").</summary>
    public async Task<string?> ProblemAsync(string workingDirectory, DetachedProcess? process, CancellationToken cancellationToken)
    {
        switch (Check)
        {
            case HealthCheck.Http http:
                try
                {
                    using var response = await _http.GetAsync(http.Url, cancellationToken).ConfigureAwait(false);
                    return response.IsSuccessStatusCode ? null : $"{http.Url} answered HTTP {(int)response.StatusCode}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    return $"{http.Url} did not answer: {e.Message}";
                }

            case HealthCheck.Command command:
                var spec = command.Run.ToSpec() with { WorkingDirectory = workingDirectory, Environment = environment, Timeout = _attemptTimeout };
                try
                {
                    var result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
                    return result.Succeeded ? null : string.Create(CultureInfo.InvariantCulture, $"'{command.Run}' exited {result.ExitCode} ({result.StopCause})");
                }
                catch (CommandStartException e)
                {
                    return e.Message;
                }

            default:
                return process is { IsRunning: true } ? null : "the service's process is not running";
        }
    }

    /// <summary>Probes until healthy or <paramref name="timeout"/>; returns the last problem (null when healthy) and how long it took.</summary>
    public async Task<(string? Problem, TimeSpan Waited)> WaitAsync(
        string workingDirectory, DetachedProcess? process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var problem = await ProblemAsync(workingDirectory, process, cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                return (null, clock.Elapsed);
            }

            // A service that already exited with an error will not become healthy (a daemonizing start exits 0 and is waited for).
            if (process?.ExitCode is { } code and not 0)
            {
                return (string.Create(CultureInfo.InvariantCulture, $"{problem}; the service exited {code}"), clock.Elapsed);
            }

            if (clock.Elapsed + _interval > timeout)
            {
                return (problem, clock.Elapsed);
            }

            await Task.Delay(_interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
