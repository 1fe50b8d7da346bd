namespace Nightshift.Files;

/// <summary>
/// A <c>.jsonl</c> file of records, one JSON object per line, oldest first, that a session appends to.
/// Appends from one process are serialised here (see <see cref="JsonLines"/>).
/// </summary>
public abstract class JsonLinesLog<T>(string path, Func<T, string> toJsonLine)
    where T : class
{
    private readonly Lock _gate = new();

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Appends one line and flushes it.</summary>
    public void Append(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = toJsonLine(record);
        lock (_gate)
        {
            JsonLines.Append(Path, [line]);
        }
    }
}
