namespace Nightshift.Configuration;

/// <summary>How to train (<c>learn.train</c>).</summary>
public sealed record TrainConfig
{
    public required ConfiguredCommand Command { get; init; }

    /// <summary>A regular expression with a group named <c>loss</c>, matched against each line of the trainer's output.</summary>
    public string? LossPattern { get; init; }

    /// <summary>Where the trainer writes the model, relative to the repository root.</summary>
    public string? Output { get; init; }
}
