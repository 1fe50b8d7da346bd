using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Attempts.Episodes;
using Nightshift.Workloads.Learn.Cycles;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Gates;
using Nightshift.Workloads.Learn.Metrics;

namespace Nightshift.Cli.Rendering;

/// <summary>What <c>nightshift learn</c> prints: progress on stderr as it goes, the outcome on stdout.</summary>
internal static class LearnLog
{
    /// <summary>The stderr line for an event, or null for one not worth a line (trainer chatter unless verbose).</summary>
    public static string? Line(LearnEvent e, bool verbose)
    {
        var prefix = e.Cycle is { } cycle ? $"[cycle {cycle}] " : "";
        return e switch
        {
            LearnPhaseStarted phase => $"{prefix}{phase.Description}",
            LearnTrainingOutput output when output.Line.Loss is { } loss => $"{prefix}  step {loss.Step}: loss {loss.Loss}",
            LearnTrainingOutput output => verbose ? $"{prefix}  | {output.Line.Text}" : null,
            LearnEvalRun run => verbose || !run.Run.Passed ? $"{prefix}  {run.Role}: {LearnText.Run(run.Run)}" : null,
            LearnContinualMeasured continual => $"{prefix}{LearnText.Continual(continual.Figures)}",
            LearnRecorded { Record: EvalRecord eval } =>
                $"{prefix}{eval.Role} {eval.Model ?? eval.Agent}: pass rate {LearnText.Percent(eval.PassRate)}, " +
                $"repeat-error rate {LearnText.Percent(eval.RepeatErrorRate)}",
            LearnRecorded { Record: TrainingRecord train } => train.Error is null
                ? $"{prefix}trained {train.Model} in {train.DurationSeconds:0.#} s (final loss {train.FinalLoss?.ToString(CultureInfo.InvariantCulture) ?? "-"})"
                : $"{prefix}training failed: {train.Error}",
            LearnRecorded { Record: DayRecord day } =>
                $"{prefix}day {day.Model ?? day.Agent}: {day.Passed} of {day.Runs} train run(s) passed",
            LearnRecorded { Record: GateRecord gate } => gate.IsPromotion
                ? $"{prefix}promoted {gate.Candidate}"
                : $"{prefix}rolled back {gate.Candidate ?? "(no model)"}: {string.Join("; ", gate.Reasons)}",
            _ => null,
        };
    }

    public static string Summary(LearnReport report)
    {
        var lines = new List<string> { $"baseline: {LearnText.Summary(report.Baseline)}" };
        if (report.PromotedBefore is { } before)
        {
            lines.Add($"promoted before: {LearnText.Summary(before)}");
        }

        var continual = report.Continual;
        foreach (var cycle in report.Cycles)
        {
            lines.Add(cycle.Decision switch
            {
                Promoted => $"cycle {cycle.Cycle}: promoted {LearnText.Summary(cycle.Candidate!)}",
                _ => $"cycle {cycle.Cycle}: rolled back {cycle.Candidate?.Model ?? cycle.Training?.ModelId ?? "(no model)"}: "
                     + string.Join("; ", cycle.Decision.Reasons),
            });
            if (continual.FirstOrDefault(c => c.Cycle == cycle.Cycle) is { } figures)
            {
                lines.Add($"  {LearnText.Continual(figures)}");
            }
        }

        lines.Add($"promoted model: {report.Promoted ?? "none (the configured agent stays)"}");
        return string.Join(Environment.NewLine, lines);
    }

    public static string Json(LearnReport report)
    {
        var continual = report.Continual;
        return new JsonObject
        {
            ["session"] = report.SessionId,
            ["baseline"] = Score(report.Baseline),
            ["promotedBefore"] = report.PromotedBefore is { } before ? Score(before) : null,
            ["cycles"] = new JsonArray([.. report.Cycles.Select(c => new JsonObject
            {
                ["cycle"] = c.Cycle,
                ["dataset"] = c.Dataset.Dataset,
                ["examples"] = c.Dataset.Counts.Total,
                ["model"] = c.Training?.ModelId,
                ["candidate"] = c.Candidate is { } candidate ? Score(candidate) : null,
                ["decision"] = c.Decision.Name,
                ["reasons"] = new JsonArray([.. c.Decision.Reasons.Select(r => JsonValue.Create(r))]),

                // Forgetting and forward transfer per family (ContinualMetrics); null when the cycle had no candidate eval.
                ["continual"] = continual.FirstOrDefault(f => f.Cycle == c.Cycle) is { } figures
                    ? JsonSerializer.SerializeToNode(figures, LearnJson.Compact)
                    : null,
            })]),
            ["promoted"] = report.Promoted,
        }.ToJsonString();
    }

    /// <summary>What the gate compares, and the pass rate of each koan family.</summary>
    private static JsonNode Score(EvalReport report)
    {
        var score = JsonSerializer.SerializeToNode(GateScore.Of(report), LearnJson.Compact)!;
        score["families"] = JsonSerializer.SerializeToNode(report.Families, LearnJson.Compact);
        return score;
    }
}
