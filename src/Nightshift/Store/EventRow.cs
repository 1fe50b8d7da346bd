namespace Nightshift.Store;

/// <summary>One event as journaled. Ids grow with time, so "events after id N" is how a reader tails them.</summary>
public sealed record EventRow(long Id, long SessionId, long? AttemptId, DateTimeOffset At, string Kind, string? PayloadJson);
