namespace Nightshift.Attempts.Episodes;

/// <summary>The words outcomes are journaled and filtered as; spelled out so renaming a member cannot change stored data.</summary>
public static class EpisodeOutcomes
{
    public static IReadOnlyList<string> Names { get; } = ["accepted", "rejected", "abandoned"];

    public static string ToWire(this EpisodeOutcome outcome) => outcome switch
    {
        EpisodeOutcome.Accepted => "accepted",
        EpisodeOutcome.Rejected => "rejected",
        EpisodeOutcome.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static EpisodeOutcome? Parse(string text) => text switch
    {
        "accepted" => EpisodeOutcome.Accepted,
        "rejected" => EpisodeOutcome.Rejected,
        "abandoned" => EpisodeOutcome.Abandoned,
        _ => null,
    };
}
