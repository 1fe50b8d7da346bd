using System.Text.Json;
using Nightshift.Files;

namespace Nightshift.Workloads.CrashWatch.Watching;

/// <summary>
/// <c>.nightshift/crash-watch/offsets.json</c>: how much of each watched file crash-watch has taken. A report file is taken
/// whole; a log file that crashes are appended to is taken from where the last crash ended. Kept across sessions, so that a
/// restart neither repeats old reports nor misses those written while crash-watch was down.
/// </summary>
public sealed class FileOffsets
{
    private readonly Dictionary<string, FileMark> _marks;
    private readonly Lock _gate = new();

    private FileOffsets(string path, Dictionary<string, FileMark> marks)
    {
        Path = path;
        _marks = marks;
    }

    public string Path { get; }

    /// <summary>Reads the file at <paramref name="path"/>; a missing or unreadable one starts empty.</summary>
    public static FileOffsets Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            if (File.Exists(full) && JsonSerializer.Deserialize<Dictionary<string, FileMark>>(File.ReadAllText(full)) is { } marks)
            {
                return new FileOffsets(full, new Dictionary<string, FileMark>(marks, StringComparer.Ordinal));
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // Unreadable: every file counts as new, which repeats work but loses no crash.
        }

        return new FileOffsets(full, new Dictionary<string, FileMark>(StringComparer.Ordinal));
    }

    public FileMark? Get(string file)
    {
        lock (_gate)
        {
            return _marks.GetValueOrDefault(file);
        }
    }

    /// <summary>Records <paramref name="mark"/> for <paramref name="file"/> and writes the whole file (a temporary file renamed over it).</summary>
    public void Set(string file, FileMark mark)
    {
        lock (_gate)
        {
            _marks[file] = mark;
            AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(_marks));
        }
    }
}
