namespace Nightshift.Workloads.Learn.Training;

/// <summary>What one run of the trainer produced.</summary>
/// <param name="ModelId">The model or adapter it names (see <see cref="Trainer"/> for how it is found); null when it failed.</param>
/// <param name="Dataset">The dataset it trained on.</param>
/// <param name="Output">The folder it was given as <c>{output}</c>.</param>
/// <param name="Log">The file holding its whole log.</param>
/// <param name="ExitCode">The trainer's exit code.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Losses">Every loss it printed, in order.</param>
/// <param name="Error">Why the run does not count, or null when it produced a model.</param>
public sealed record TrainingRun(
    string? ModelId,
    string Dataset,
    string Output,
    string Log,
    int ExitCode,
    TimeSpan Duration,
    IReadOnlyList<LossPoint> Losses,
    string? Error)
{
    public bool Succeeded => Error is null && ModelId is not null;

    public double? FinalLoss => Losses.Count == 0 ? null : Losses[^1].Loss;
}
