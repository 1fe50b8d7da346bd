using Nightshift.Execution;

namespace Nightshift.Workloads.Learn.Training;

/// <summary>A line of the trainer's log as it arrives, with the loss on it when there is one.</summary>
public sealed record TrainingLine(OutputChannel Channel, string Text, LossPoint? Loss);
