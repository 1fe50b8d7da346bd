using Nightshift.Agents;

namespace Nightshift.Attempts.Episodes;

/// <summary>Keeps an attempt's transcript in memory until its episode is recorded (next to the file transcript).</summary>
public sealed class EpisodeTranscript : ITranscript
{
    private readonly Lock _gate = new();
    private readonly List<TranscriptEntry> _entries = [];

    public IReadOnlyList<TranscriptEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _entries.Add(entry);
        }

        return Task.CompletedTask;
    }
}
