using Nightshift.Telemetry.Events;
using Nightshift.Workloads.Learn.Training;

namespace Nightshift.Workloads.Learn.Metrics;

/// <summary>A training run: which data went in, which model came out, and how the loss went.</summary>
[EventKind("learn.trained")]
public sealed record TrainingRecord : MetricsRecord
{
    /// <summary>The model or adapter id, or null when the run failed.</summary>
    public string? Model { get; init; }

    public required string Dataset { get; init; }

    public required string DatasetSha256 { get; init; }

    public required int Examples { get; init; }

    public required string Output { get; init; }

    public required string Log { get; init; }

    public required int ExitCode { get; init; }

    public required double DurationSeconds { get; init; }

    /// <summary>The loss lines read from the log.</summary>
    public required int LossPoints { get; init; }

    public double? FirstLoss { get; init; }

    public double? FinalLoss { get; init; }

    public string? Error { get; init; }

    public static TrainingRecord From(TrainingRun run, string datasetSha256, int examples, DateTimeOffset at, int? cycle)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new TrainingRecord
        {
            At = at,
            Cycle = cycle,
            Model = run.ModelId,
            Dataset = run.Dataset,
            DatasetSha256 = datasetSha256,
            Examples = examples,
            Output = run.Output,
            Log = run.Log,
            ExitCode = run.ExitCode,
            DurationSeconds = Math.Round(run.Duration.TotalSeconds, 3),
            LossPoints = run.Losses.Count,
            FirstLoss = run.Losses.Count == 0 ? null : run.Losses[0].Loss,
            FinalLoss = run.FinalLoss,
            Error = run.Error,
        };
    }
}
