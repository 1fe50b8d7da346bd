namespace Nightshift.Landing.Reviews;

/// <summary>A review branch: the fixes kept on it in order, and what became of the others.</summary>
/// <param name="SessionId">The night reviewed.</param>
/// <param name="Branch">The review branch created.</param>
/// <param name="BaseCommit">The night's base: the first fix's parent.</param>
/// <param name="Tip">The review branch's commit.</param>
/// <param name="Decisions">One per fix of the night, in its order.</param>
public sealed record ReviewResult(long SessionId, string Branch, string BaseCommit, string Tip, IReadOnlyList<ReviewDecision> Decisions);

/// <summary>What became of one fix.</summary>
/// <param name="Ticket">Its ticket.</param>
/// <param name="Sha">Its commit on the session branch.</param>
/// <param name="Outcome">Kept, dropped, or left out because it no longer applies or verifies.</param>
/// <param name="Why">In words.</param>
/// <param name="Commit">Its commit on the review branch, when kept.</param>
public sealed record ReviewDecision(string Ticket, string Sha, ReviewOutcome Outcome, string Why, string? Commit);

/// <summary>What became of a fix in a review.</summary>
public enum ReviewOutcome
{
    Kept,
    Dropped,
    NoLongerApplies,
    NoLongerVerifies,
}
