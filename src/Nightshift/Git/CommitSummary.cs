namespace Nightshift.Git;

/// <summary>One commit as a log line shows it: what a person (or an agent) reads to see what changed lately.</summary>
public sealed record CommitSummary(string Sha, DateTimeOffset Date, string Author, string Subject);
