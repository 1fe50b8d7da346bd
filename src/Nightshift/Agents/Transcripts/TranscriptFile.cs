using Nightshift.Files;

namespace Nightshift.Agents.Transcripts;

/// <summary>
/// A transcript on disk (<see cref="NightshiftPaths.TranscriptFor"/> says where), one JSON line per entry
/// (<see cref="TranscriptJson"/>), appended and flushed to the operating system before
/// <see cref="AppendAsync"/> returns, so a crash of Nightshift loses at most the step in flight. (No fsync per
/// entry: a command agent streams hundreds of lines, and a power cut is not the failure this guards against.)
/// Safe to append to from several threads: each entry is one whole line.
/// </summary>
public sealed class TranscriptFile : ITranscript, IAsyncDisposable, IDisposable
{
    private readonly FileStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Opens (creating it and its folders) or continues the transcript at <paramref name="path"/>.</summary>
    public TranscriptFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);

        // Readers (watch, report) may tail the file while the agent writes it.
        _stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 4096, useAsync: true);
    }

    public string Path { get; }

    public async Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        var line = TranscriptJson.Serialize(entry);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Not cancellable once started: half a line would be worse than a late one.
            await _stream.WriteAsync(line, CancellationToken.None).ConfigureAwait(false);
            await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The entries of a transcript file; lines that are not entries (a torn last line) are skipped.</summary>
    public static async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        return [.. lines.Select(TranscriptJson.Parse).OfType<TranscriptEntry>()];
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _gate.Dispose();
    }
}
