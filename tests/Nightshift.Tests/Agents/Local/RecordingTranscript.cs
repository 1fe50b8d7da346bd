using System.Collections.Concurrent;
using Nightshift.Agents;

namespace Nightshift.Tests.Agents.Local;

/// <summary>A transcript sink that keeps the entries in memory, to compare with what reached the file.</summary>
internal sealed class RecordingTranscript : ITranscript
{
    private readonly ConcurrentQueue<TranscriptEntry> _entries = new();

    public IReadOnlyList<TranscriptEntry> Entries => [.. _entries];

    public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        _entries.Enqueue(entry);
        return Task.CompletedTask;
    }
}
