using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Statistics;

namespace Nightshift.Cli.Rendering;

/// <summary>What a bench report shows: one bench, and optionally how it compares with a baseline bench.</summary>
internal sealed record BenchReport(BenchManifest Bench, BenchManifest? Baseline)
{
    public IReadOnlyList<RateChange> Changes { get; } = Baseline is null ? [] : RateChange.Compare(Bench.Summary, Baseline.Summary);

    public IReadOnlyList<RateChange> Regressions => Changes.Where(c => c.Verdict == ChangeVerdict.Regression).ToArray();

    public IReadOnlyList<string> Levels => Bench.Summary.ByLevel.Select(r => r.Level!).ToArray();

    public IReadOnlyList<string> Agents => Bench.Summary.ByAgent.Select(r => r.Agent!).ToArray();

    public IReadOnlyList<RunRecord> FailedRuns => Bench.Runs.Where(r => r.Status != RunStatus.Pass).ToArray();

    public PassRate RateOf(string level, string agent) =>
        Bench.Summary.ByLevelAndAgent.First(r => r.Level == level && r.Agent == agent);

    public int FailuresOf(string agent, FailureClass failure) =>
        Bench.Summary.FailureModes.FirstOrDefault(r => r.Agent == agent && r.Class == failure)?.Count ?? 0;

    public string Headline
    {
        get
        {
            var totals = Bench.Summary.Totals;
            var took = Bench.FinishedAt is { } finished ? $", took {BenchFormat.Duration((finished - Bench.StartedAt).TotalMilliseconds)}" : "";
            return $"{BenchJson.Name(Bench.Status)}: {totals.Finished} of {Bench.Planned} runs, {totals.Passed} passed, {totals.Failed} failed" +
                (totals.Excluded > 0 ? $", {totals.Excluded} excluded (infrastructure)" : "") +
                $"; started {Bench.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC{took}";
        }
    }
}
