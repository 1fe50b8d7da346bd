using System.Text.Json;

namespace Nightshift.Attempts.Episodes;

/// <summary>Episodes as JSON Lines: one <see cref="Episode"/> object per line, camelCase, nulls left out.</summary>
public static class EpisodeJsonl
{
    public static string ToLine(Episode episode) => JsonSerializer.Serialize(episode, LearnJson.Compact);

    public static Episode? FromLine(string line) => JsonSerializer.Deserialize<Episode>(line, LearnJson.Compact);

    /// <summary>Writes the episodes one per line and returns how many were written.</summary>
    public static async Task<int> WriteAsync(IEnumerable<Episode> episodes, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(writer);
        var count = 0;
        foreach (var episode in episodes)
        {
            await writer.WriteLineAsync(ToLine(episode).AsMemory(), cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
