namespace Nightshift.Agents.Transcripts;

/// <summary>
/// Sends every entry to several transcripts in turn (the JSONL file, the journal), so an agent writes its
/// steps once. An entry counts as recorded only when every sink has it: a failing sink fails the append.
/// </summary>
public sealed class CompositeTranscript : ITranscript
{
    private readonly ITranscript[] _sinks;

    public CompositeTranscript(params IEnumerable<ITranscript> sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        _sinks = [.. sinks];
        if (_sinks.Any(sink => sink is null))
        {
            throw new ArgumentException("A transcript sink is null.", nameof(sinks));
        }
    }

    public IReadOnlyList<ITranscript> Sinks => _sinks;

    public async Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        foreach (var sink in _sinks)
        {
            await sink.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }
}
