using System.Text.Json;
using Nightshift.Agents;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>A transcript that keeps every entry and writes it as a JSON line, the way the journal's transcript files do.</summary>
internal sealed class RecordingTranscript(string file) : ITranscript
{
    private readonly List<TranscriptEntry> _entries = [];

    public IReadOnlyList<TranscriptEntry> Entries => _entries;

    public string File { get; } = file;

    public async Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        _entries.Add(entry);
        await System.IO.File.AppendAllTextAsync(File, JsonSerializer.Serialize(entry) + "\n", cancellationToken);
    }
}
