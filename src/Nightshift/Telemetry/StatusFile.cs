using System.Text;
using System.Text.Json;

namespace Nightshift.Telemetry;

/// <summary>
/// <c>.nightshift/status.json</c>: the session's current <see cref="SessionStatus"/>, replaced whole on
/// every update so that a reader (status, watch, a dashboard polling the file) never sees half of it.
/// </summary>
/// <remarks>
/// Replacing is write-to-temp, fsync, rename(2) over the old file (what <see cref="File.Move(string, string, bool)"/>
/// does on Unix): rename is atomic, so an open reader keeps the old inode whole and the next open gets the new
/// one whole. The temp file lives in the same directory because rename cannot cross file systems, and its fsync
/// comes before the rename so that a power loss cannot leave the new name pointing at empty blocks.
/// </remarks>
public static class StatusFile
{
    public const string FileName = "status.json";

    /// <summary>Where the status of the repository whose <c>.nightshift</c> folder is <paramref name="nightshiftDirectory"/> lives.</summary>
    public static string PathIn(string nightshiftDirectory) => Path.Combine(nightshiftDirectory, FileName);

    /// <summary>Atomically replaces (or creates) the status file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The folder is not writable or the disk is full; the old file is untouched.</exception>
    public static void Write(string path, SessionStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var bytes = Encoding.UTF8.GetBytes(status.ToJson() + "\n");

        // Unique per writer, hidden, and recognisable as ours if a crash leaves one behind.
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The status in the file at <paramref name="path"/>, or null when there is no such file.</summary>
    /// <exception cref="NightshiftException">The file exists but is not a status document.</exception>
    public static SessionStatus? Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            return SessionStatus.FromJson(text);
        }
        catch (JsonException e)
        {
            throw new NightshiftException(
                $"{path} is not a Nightshift status file ({e.Message}); it is rewritten by the next session, or delete it.",
                innerException: e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error matters more than a leftover temp file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
