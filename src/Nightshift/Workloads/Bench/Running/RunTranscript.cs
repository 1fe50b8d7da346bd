using System.Text;
using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Workloads.Bench.Results;

namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// A run's transcript: one JSON object per line, flushed as each step arrives so that a killed bench keeps
/// everything up to the step in flight. Also counts what the run record reports (steps, tool calls).
/// </summary>
internal sealed class RunTranscript : ITranscript, IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private RunTranscript(FileStream stream) => _stream = stream;

    /// <summary>The highest step number seen.</summary>
    public int Steps { get; private set; }

    /// <summary>Entries that call a tool (those with arguments; observations carry only the tool's name).</summary>
    public int ToolCalls { get; private set; }

    public static RunTranscript Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new RunTranscript(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, useAsync: true));
    }

    public async Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = JsonSerializer.Serialize(
            new Line(entry.At, entry.Step, entry.Role, entry.Content, entry.ToolName, entry.ToolArguments), BenchJson.CompactOptions);
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            Steps = Math.Max(Steps, entry.Step);
            ToolCalls += entry.ToolArguments is null ? 0 : 1;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>A line from the bench itself (the stop, the verdict), after the agent's own.</summary>
    public Task NoteAsync(string content, CancellationToken cancellationToken) =>
        AppendAsync(new TranscriptEntry(Math.Max(Steps, 1), "harness", content), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _lock.Dispose();
    }

    private sealed record Line(DateTimeOffset At, int Step, string Role, string Content, string? ToolName, string? ToolArguments);
}
