namespace Nightshift.Telemetry.Events;

/// <summary>What opening a session found and did, its first event: <see cref="SessionStarted"/> or <see cref="SessionResumed"/>.</summary>
public abstract record SessionOpened : SessionEvent
{
    public required string Branch { get; init; }

    public required bool Resumed { get; init; }

    public required string BaseCommit { get; init; }

    public required int LandingsRecovered { get; init; }

    public required int LandingsVoided { get; init; }

    public required int WorktreesPruned { get; init; }
}
