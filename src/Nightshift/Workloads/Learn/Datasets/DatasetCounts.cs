namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>What a dataset build read, kept and left out, for its manifest.</summary>
/// <param name="Episodes">Episodes read from the journal.</param>
/// <param name="ExcludedEval">Episodes left out because they are eval runs or touch an eval koan.</param>
/// <param name="FailedThenFixed">Examples from tasks that failed before they were fixed.</param>
/// <param name="ErrorsFixed">Examples from accepted attempts that started from errors.</param>
/// <param name="Duplicates">New examples left out as near-duplicates of earlier ones.</param>
/// <param name="ReplayAvailable">Lines in the replay buffer.</param>
/// <param name="ReplayExcludedEval">Replay lines left out because they mention an eval koan.</param>
/// <param name="ReplayDuplicates">Replay lines skipped as near-duplicates while drawing.</param>
/// <param name="Replay">Replay examples in the dataset.</param>
public sealed record DatasetCounts(
    int Episodes,
    int ExcludedEval,
    int FailedThenFixed,
    int ErrorsFixed,
    int Duplicates,
    int ReplayAvailable,
    int ReplayExcludedEval,
    int ReplayDuplicates,
    int Replay)
{
    /// <summary>Examples from this journal's episodes.</summary>
    public int New => FailedThenFixed + ErrorsFixed;

    public int Total => New + Replay;
}
