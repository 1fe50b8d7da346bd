namespace Nightshift.Store;

/// <summary>
/// An episode to journal: what one attempt teaches. The JSON columns are written by the learn workload's
/// <c>EpisodeJournal</c>; the journal stores them as given.
/// </summary>
/// <param name="AttemptId">The attempt this episode is; its diff and verdict are read from there.</param>
/// <param name="Workload">burn-down, crash-watch, bench, learn, eval.</param>
/// <param name="TaskJson">The task as the agent saw it.</param>
/// <param name="Outcome">accepted, rejected or abandoned.</param>
/// <param name="Model">The model (or adapter) that produced the attempt, when one did.</param>
/// <param name="DiagnosticsBeforeJson">The diagnostics the attempt started from.</param>
/// <param name="DiagnosticsAfterJson">The diagnostics the verifier measured after it.</param>
/// <param name="TranscriptJson">The agent's steps.</param>
/// <param name="Steps">Agent steps taken.</param>
/// <param name="StepsToGreen">Steps until the verifier accepted; null unless accepted.</param>
public sealed record NewEpisode(
    long AttemptId,
    string Workload,
    string TaskJson,
    string Outcome,
    string? Model,
    string? DiagnosticsBeforeJson,
    string? DiagnosticsAfterJson,
    string? TranscriptJson,
    int? Steps,
    int? StepsToGreen);
