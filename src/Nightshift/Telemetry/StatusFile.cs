using System.Text.Json;
using Nightshift.Files;

namespace Nightshift.Telemetry;

/// <summary>
/// <c>.nightshift/status.json</c>: the session's current <see cref="SessionStatus"/>, replaced whole on
/// every update so that a reader (status, watch, a dashboard polling the file) never sees half of it.
/// </summary>
/// <remarks>
/// Replacing is <see cref="AtomicFile"/>'s write-to-temp, fsync, rename(2): rename is atomic, so an open reader keeps
/// the old inode whole and the next open gets the new one whole.
/// </remarks>
public static class StatusFile
{
    /// <summary>Atomically replaces (or creates) the status file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The folder is not writable or the disk is full; the old file is untouched.</exception>
    public static void Write(string path, SessionStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        AtomicFile.WriteAllText(path, status.ToJson() + "\n");
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
}
