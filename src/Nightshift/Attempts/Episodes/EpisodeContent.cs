using Nightshift.Agents;

namespace Nightshift.Attempts.Episodes;

/// <summary>What an attempt teaches, recorded next to the attempt's own row (which holds the diff and the verdict).</summary>
/// <param name="Task">The task as the agent saw it.</param>
/// <param name="Outcome">The verifier's decision, or abandoned.</param>
/// <param name="Model">The model or adapter id that produced the attempt, when there is one.</param>
/// <param name="DiagnosticsBefore">What the compiler said before the attempt.</param>
/// <param name="DiagnosticsAfter">What it said after, as the verifier measured it.</param>
/// <param name="Transcript">The agent's steps.</param>
/// <param name="Steps">Agent steps taken.</param>
public sealed record EpisodeContent(
    EpisodeTask Task,
    EpisodeOutcome Outcome,
    string? Model,
    IReadOnlyList<EpisodeDiagnostic> DiagnosticsBefore,
    IReadOnlyList<EpisodeDiagnostic> DiagnosticsAfter,
    IReadOnlyList<TranscriptEntry> Transcript,
    int Steps)
{
    /// <summary>Steps until the change was accepted; null for any other outcome.</summary>
    public int? StepsToGreen => Outcome == EpisodeOutcome.Accepted ? Steps : null;
}
