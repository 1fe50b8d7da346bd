using System.Text;

namespace Nightshift.Files;

/// <summary>
/// The one way Nightshift replaces a file: readers (and a session resumed after kill -9) see the old content or the
/// new, never half of it. The content goes to a hidden temporary file in the same folder (rename cannot cross file
/// systems), which is flushed to disk before it is renamed over the target (so a power loss cannot leave the name
/// pointing at empty blocks); on any failure the temporary file is removed and the target left as it was.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAllBytes(path, _utf8.GetBytes(text));
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var (full, temporary) = Prepare(path);
        try
        {
            using (var stream = Create(temporary, useAsync: false))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Streams the content through <paramref name="write"/>, which must not dispose the stream.</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (full, temporary) = Prepare(path);
        try
        {
            var stream = Create(temporary, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>As <see cref="WriteAsync"/>, through a UTF-8 text writer.</summary>
    public static Task WriteTextAsync(string path, Func<TextWriter, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteAsync(path, async (stream, token) =>
        {
            var writer = new StreamWriter(stream, _utf8, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                await write(writer).ConfigureAwait(false);
                await writer.FlushAsync(token).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    private static (string Full, string Temporary) Prepare(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);

        // Unique per writer, hidden, and recognisable as ours if a crash leaves one behind.
        return (full, Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"));
    }

    private static FileStream Create(string path, bool useAsync) =>
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 81920, useAsync);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error matters more than a leftover temporary file.
        }
    }
}
