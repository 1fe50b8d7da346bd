using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Store;

namespace Nightshift.Attempts.Episodes;

/// <summary>Records episodes in the journal and reads them back as <see cref="Episode"/>s.</summary>
public sealed class EpisodeJournal(Journal journal)
{
    /// <summary>
    /// Journals the episode of attempt <paramref name="attemptId"/> (already begun in the journal; normally
    /// finished and decided). Call it inside the transaction that records the verdict to make both one write.
    /// </summary>
    public async Task<Episode> RecordAsync(long attemptId, string workload, EpisodeContent content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workload);
        ArgumentNullException.ThrowIfNull(content);
        var row = await journal.RecordEpisodeAsync(
            new NewEpisode(
                attemptId,
                workload,
                Serialize(content.Task),
                content.Outcome.ToWire(),
                content.Model,
                Serialize(content.DiagnosticsBefore),
                Serialize(content.DiagnosticsAfter),
                Serialize(content.Transcript),
                content.Steps,
                content.StepsToGreen),
            cancellationToken).ConfigureAwait(false);
        return ToEpisode(row);
    }

    /// <summary>The episodes matching <paramref name="query"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Episode>> ReadAsync(EpisodeQuery query, CancellationToken cancellationToken) =>
        [.. (await journal.ReadEpisodesAsync(query, cancellationToken).ConfigureAwait(false)).Select(ToEpisode)];

    /// <summary>Maps a journal row; a row whose JSON does not parse is a damaged journal and says which.</summary>
    public static Episode ToEpisode(EpisodeRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            return new Episode(
                row.Id,
                row.AttemptId,
                row.SessionId,
                row.Workload,
                Deserialize<EpisodeTask>(row.TaskJson)!,
                EpisodeOutcomes.Parse(row.Outcome)
                    ?? throw new NightshiftException($"Episode {row.Id} has the unknown outcome '{row.Outcome}'."),
                row.Agent,
                row.Model,
                Deserialize<List<EpisodeDiagnostic>>(row.DiagnosticsBeforeJson) ?? [],
                Deserialize<List<EpisodeDiagnostic>>(row.DiagnosticsAfterJson) ?? [],
                Deserialize<List<TranscriptEntry>>(row.TranscriptJson) ?? [],
                row.Diff,
                row.VerdictJson is { } verdict ? Deserialize<JsonElement>(verdict) : null,
                row.Steps,
                row.StepsToGreen,
                row.CreatedAt);
        }
        catch (JsonException e)
        {
            throw new NightshiftException($"Episode {row.Id} of the journal holds JSON that does not read back: {e.Message}", innerException: e);
        }
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, LearnJson.Compact);

    private static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, LearnJson.Compact);
}
