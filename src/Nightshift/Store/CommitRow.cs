namespace Nightshift.Store;

/// <summary>One ticketed commit as journaled, with the full message (subject and trailers) the lander wrote.</summary>
public sealed record CommitRow(
    long Id,
    long SessionId,
    long AttemptId,
    string Ticket,
    string Sha,
    string Branch,
    string Message,
    DateTimeOffset CreatedAt);
