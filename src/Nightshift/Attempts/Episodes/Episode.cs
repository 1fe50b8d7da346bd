using System.Text.Json;
using Nightshift.Agents;

namespace Nightshift.Attempts.Episodes;

/// <summary>
/// One attempt as learning material: the task, the diagnostics before and after, the transcript, the diff,
/// the verdict and the steps it took. The line format of <c>nightshift episodes export</c>.
/// </summary>
public sealed record Episode(
    long Id,
    long AttemptId,
    long SessionId,
    string Workload,
    EpisodeTask Task,
    EpisodeOutcome Outcome,
    string Agent,
    string? Model,
    IReadOnlyList<EpisodeDiagnostic> DiagnosticsBefore,
    IReadOnlyList<EpisodeDiagnostic> DiagnosticsAfter,
    IReadOnlyList<TranscriptEntry> Transcript,
    string? Diff,
    JsonElement? Verdict,
    int? Steps,
    int? StepsToGreen,
    DateTimeOffset CreatedAt)
{
    /// <summary>The task's identity across sessions: kind and key.</summary>
    public string TaskId => $"{Task.Kind}:{Task.Key}";

    public bool IsAccepted => Outcome == EpisodeOutcome.Accepted;

    /// <summary>The distinct error codes of <see cref="DiagnosticsBefore"/> that are gone from <see cref="DiagnosticsAfter"/>.</summary>
    public IReadOnlySet<string> FixedErrorCodes()
    {
        var after = DiagnosticsAfter.Where(d => d.IsError).Select(d => d.Code).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return DiagnosticsBefore.Where(d => d.IsError).Select(d => d.Code).OfType<string>()
            .Where(code => !after.Contains(code)).ToHashSet(StringComparer.Ordinal);
    }
}
