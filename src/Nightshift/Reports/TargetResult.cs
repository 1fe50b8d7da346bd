namespace Nightshift.Reports;

/// <summary>One success target and how the session did against it.</summary>
/// <param name="Id">Stable name: commits, tests_pass, top_cluster_reduced.</param>
/// <param name="Description">The target in words, e.g. "at least 5 commits".</param>
/// <param name="Outcome">Met, missed or unknown.</param>
/// <param name="Measured">What was measured, e.g. "3 commits"; why it is unknown otherwise.</param>
public sealed record TargetResult(string Id, string Description, TargetOutcome Outcome, string Measured);
