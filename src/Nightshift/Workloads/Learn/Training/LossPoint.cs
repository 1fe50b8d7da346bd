namespace Nightshift.Workloads.Learn.Training;

/// <summary>One loss the trainer printed, at its step (the trainer's own step when the pattern captures one).</summary>
public sealed record LossPoint(int Step, double Loss);
