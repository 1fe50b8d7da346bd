using Nightshift.Agents.Resilience;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Running;

namespace Nightshift.Cli.Rendering;

/// <summary>Renders a bench's events as progress lines on stderr, one line per event that matters.</summary>
internal sealed class BenchProgress(TextWriter error, bool verbose)
{
    // Bench events come one at a time, but provider events come from the agents' own threads.
    private readonly Lock _lock = new();

    /// <summary>What happened at a model endpoint: retries and usage-limit waits only with --verbose, outages always.</summary>
    public void Report(ProviderEvent providerEvent)
    {
        if (verbose || providerEvent is EndpointDown or EndpointRecovered)
        {
            Write(ProviderEventText.Line(providerEvent));
        }
    }

    public void Report(BenchEvent benchEvent)
    {
        var line = benchEvent switch
        {
            BenchEvent.PhaseStarted started => $"phase {started.Phase.Name}: {started.Runs} runs" +
                (started.AlreadyDone > 0 ? $", {started.AlreadyDone} already done" : "") +
                (started.Phase.Budget is { } budget ? $", budget {Configuration.Durations.Format(budget)}" : ""),
            BenchEvent.RunStarted started when verbose => $"start {started.Run.Id}" + (started.Attempt > 1 ? $" (attempt {started.Attempt})" : ""),
            BenchEvent.RunFinished finished => Finished(finished),
            BenchEvent.RunRetrying retrying => $"retry {retrying.Run.Id} (attempt {retrying.Attempt}) in {BenchFormat.Duration(retrying.Delay.TotalMilliseconds)}: {retrying.Reason}",
            BenchEvent.Paused paused => $"paused: {paused.Reason}; no run starts until it clears",
            BenchEvent.PhaseBudgetUsed used => $"phase {used.Phase.Name}: budget used, {used.NotStarted} runs not started",
            BenchEvent.Stopping stopping => $"stopping: {stopping.Reason}",
            _ => null,
        };
        if (line is not null)
        {
            Write(line);
        }
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            error.WriteLine(line);
        }
    }

    private static string Finished(BenchEvent.RunFinished finished)
    {
        var record = finished.Record;
        var width = finished.Planned.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var count = $"[{finished.Finished.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)}/{finished.Planned}]";
        var verdict = record.Status switch
        {
            RunStatus.Pass => "pass",
            RunStatus.Fail => $"FAIL {BenchJson.Name(record.Failure!.Value)}",
            _ => "excluded (infra_error)",
        };
        var reason = record.Status == RunStatus.Pass || record.Reason is null ? "" : $" — {FirstLine(record.Reason)}";
        return $"{count} {record.Task} · {record.Agent} #{record.Repeat}: {verdict} in {BenchFormat.Duration(record.DurationMs)}{reason}";
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0];
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}
