namespace Nightshift.Attempts.Episodes;

/// <summary>How an attempt ended, as far as learning is concerned.</summary>
public enum EpisodeOutcome
{
    /// <summary>The verifier accepted the change.</summary>
    Accepted,

    /// <summary>The verifier rejected the change (or the agent left none).</summary>
    Rejected,

    /// <summary>No verdict: the attempt crashed, ran out of budget or was interrupted.</summary>
    Abandoned,
}
