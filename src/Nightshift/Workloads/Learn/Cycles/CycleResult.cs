using Nightshift.Workloads.Learn.Datasets;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Gates;
using Nightshift.Workloads.Learn.Training;

namespace Nightshift.Workloads.Learn.Cycles;

/// <summary>One cycle: the dataset, the training run and the candidate's eval (when it got that far), and the decision.</summary>
public sealed record CycleResult(
    int Cycle,
    DatasetManifest Dataset,
    TrainingRun? Training,
    EvalReport? Candidate,
    GateDecision Decision);
