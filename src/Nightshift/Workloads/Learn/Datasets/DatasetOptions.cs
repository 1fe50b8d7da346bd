namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>How a dataset is built.</summary>
public sealed record DatasetOptions
{
    /// <summary>
    /// The replay share <c>nightshift learn</c> and <c>nightshift dataset build</c> use unless told otherwise: half. The loop
    /// this workload is modelled on needed at least 50% replay against catastrophic forgetting (issue 19); 20% forgot.
    /// </summary>
    public const double DefaultReplayRatio = 0.5;

    /// <summary>
    /// The share of the finished dataset drawn from the replay buffer, from 0 up to (not including) 1:
    /// with n new examples, floor(n·r / (1 − r)) replay examples, as many as the buffer can give.
    /// </summary>
    public double ReplayRatio { get; init; }

    /// <summary>Seeds the choice of replay examples, so a build can be repeated exactly.</summary>
    public int Seed { get; init; }

    /// <summary>Shingle Jaccard similarity from which two examples count as one (see <see cref="NearDuplicates"/>).</summary>
    public double DuplicateThreshold { get; init; } = 0.9;

    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public void Validate()
    {
        if (ReplayRatio is < 0 or >= 1 || double.IsNaN(ReplayRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(ReplayRatio), ReplayRatio, "The replay ratio is a share from 0 up to 1 (not included).");
        }

        if (DuplicateThreshold is <= 0 or > 1 || double.IsNaN(DuplicateThreshold))
        {
            throw new ArgumentOutOfRangeException(
                nameof(DuplicateThreshold), DuplicateThreshold, "The duplicate threshold is a similarity above 0 and at most 1.");
        }
    }

    /// <summary>How many replay examples go with <paramref name="newExamples"/> new ones, before the buffer's size caps it.</summary>
    public int ReplayCountFor(int newExamples) =>
        ReplayRatio == 0 ? 0 : (int)Math.Floor((newExamples * ReplayRatio / (1 - ReplayRatio)) + 1e-9);
}
