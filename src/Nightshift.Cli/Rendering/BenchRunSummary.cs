using System.Text.Json;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Running;

namespace Nightshift.Cli.Rendering;

/// <summary>What <c>bench run</c> prints on stdout when it is done: a short table, or JSON with <c>--json</c>.</summary>
internal static class BenchRunSummary
{
    public static string Json(BenchOutcome outcome, string workingDirectory)
    {
        var manifest = outcome.Manifest;
        var summary = manifest.Summary;
        return JsonSerializer.Serialize(
            new
            {
                manifest.Id,
                Directory = Path.GetRelativePath(workingDirectory, outcome.Directory),
                manifest.Status,
                manifest.StopReason,
                manifest.Planned,
                summary.Totals.Finished,
                summary.Totals.Passed,
                summary.Totals.Failed,
                summary.Totals.Excluded,
                Agents = summary.ByAgent,
                Levels = summary.ByLevel,
                summary.FailureModes,
            },
            BenchJson.Options);
    }

    public static string Text(BenchOutcome outcome, string workingDirectory)
    {
        var manifest = outcome.Manifest;
        var lines = new List<string>
        {
            $"Bench {manifest.Id} ({manifest.Suite.Name}): {BenchJson.Name(manifest.Status)}, {manifest.Summary.Totals.Finished} of {manifest.Planned} runs" +
                (manifest.StopReason is { } reason ? $" — {reason}" : ""),
            "",
        };
        var rows = manifest.Summary.ByAgent
            .Select(r => new[] { r.Agent!, $"{r.Passed}/{r.Runs}", r.Runs == 0 ? "–" : BenchFormat.Percent(r.Rate), BenchFormat.Interval(r) })
            .Prepend(["agent", "passed", "pass rate", "95% CI"])
            .ToArray();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        lines.AddRange(rows.Select(r => string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()));
        if (manifest.Summary.Totals.Excluded > 0)
        {
            lines.Add($"({manifest.Summary.Totals.Excluded} runs excluded: infrastructure errors, not counted against any agent)");
        }

        lines.Add("");
        lines.Add($"Results in {Path.GetRelativePath(workingDirectory, outcome.Directory)}; report: nightshift bench report {manifest.Id}");
        return string.Join('\n', lines);
    }
}
