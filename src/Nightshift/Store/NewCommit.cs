namespace Nightshift.Store;

/// <summary>A ticketed commit the lander made for a verified attempt.</summary>
public sealed record NewCommit(long AttemptId, string Ticket, string Sha, string Branch, string Message);
