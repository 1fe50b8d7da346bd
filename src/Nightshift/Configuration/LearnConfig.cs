namespace Nightshift.Configuration;

/// <summary>The learn workload (<c>learn</c>): train on the night's episodes, keep a model only if it gates.</summary>
public sealed record LearnConfig
{
    public TrainConfig? Train { get; init; }

    public GatesConfig Gates { get; init; } = new();

    /// <summary>Who uses a promoted model (<c>learn.promote_to</c>): <c>agent</c> makes every workload ask for it.</summary>
    public PromotionTarget PromoteTo { get; init; } = PromotionTarget.None;
}
