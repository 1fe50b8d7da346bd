using Nightshift.Execution;

namespace Nightshift.Agents.BuiltIn;

/// <summary>Masks secrets in every entry before it reaches the real transcript: a tool's output can echo the environment.</summary>
internal sealed class RedactingTranscript(ITranscript inner, Redactor redactor) : ITranscript
{
    public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken) =>
        inner.AppendAsync(
            entry with
            {
                Content = redactor.Redact(entry.Content),
                ToolArguments = entry.ToolArguments is { } arguments ? redactor.Redact(arguments) : null,
            },
            cancellationToken);
}
