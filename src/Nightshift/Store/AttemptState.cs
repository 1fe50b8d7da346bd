namespace Nightshift.Store;

/// <summary>
/// The life of an attempt: <see cref="Started"/> → <see cref="Finished"/> (the agent stopped) →
/// <see cref="Verified"/> or <see cref="Rejected"/> (the verifier decided) → <see cref="Landed"/>
/// (committed). Any state short of a decision can become <see cref="Abandoned"/> (crash, resume, budget).
/// </summary>
public enum AttemptState
{
    Started,
    Finished,
    Verified,
    Landed,
    Rejected,
    Abandoned,
}
