namespace Nightshift.Reports;

/// <summary>A ticketed commit of the session.</summary>
/// <param name="Ticket">The ticket, e.g. NS-42.</param>
/// <param name="Sha">The commit on the session branch.</param>
/// <param name="Subject">The message's first line.</param>
/// <param name="Verified">What the verifier measured, read from the attempt's verdict (the same line as the commit's
/// <c>Verified:</c> trailer); null when the verdict cannot be read.</param>
/// <param name="AttemptId">The attempt it landed.</param>
/// <param name="Agent">The agent that made the change.</param>
/// <param name="Cluster">The task key (the cluster) the attempt worked on.</param>
/// <param name="CreatedAt">When it landed.</param>
/// <param name="Diff">What it changed: the attempt's patch the lander committed; null when the journal has none.</param>
public sealed record ReportCommit(
    string Ticket,
    string Sha,
    string Subject,
    string? Verified,
    long AttemptId,
    string Agent,
    string? Cluster,
    DateTimeOffset CreatedAt,
    string? Diff = null);
