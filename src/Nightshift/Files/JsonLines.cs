using System.Text;
using System.Text.Json;

namespace Nightshift.Files;

/// <summary>
/// JSON Lines, written and read tolerantly. Appending to and tailing the <c>.jsonl</c> files under <c>.nightshift/</c>:
/// one JSON document per line; every line reaches the file inside one write call that holds only whole lines, so a
/// reader sees lines complete or not at all, except for the last one while its write is in flight, which readers
/// skip. Reading a line that may not be JSON at all (a tool's output, a line torn by a crash): <see cref="TryParseObject"/>.
/// </summary>
/// <remarks>
/// Only the session that holds the repository's lock writes these files, and writers in that process go
/// through the owning log's lock, so no two appends race for the end of the file.
/// </remarks>
public static class JsonLines
{
    // Whole lines are packed into writes of at most this size; a longer line is written alone.
    private const int MaxWriteBytes = 64 * 1024;
    private const int FirstTailWindow = 64 * 1024;

    /// <summary>
    /// The JSON object on <paramref name="line"/>, or null when the line holds none: blank, progress text, a torn or
    /// truncated line, or JSON that is not an object. Reading never fails on such a line.
    /// </summary>
    public static JsonElement? TryParseObject(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The JSON objects among <paramref name="text"/>'s lines, in order; every other line is skipped.</summary>
    public static IEnumerable<JsonElement> Objects(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            if (TryParseObject(line) is { } element)
            {
                yield return element;
            }
        }
    }

    /// <summary>Appends <paramref name="lines"/> (each without its newline) and flushes them.</summary>
    /// <exception cref="ArgumentException">A line contains a newline; nothing is written.</exception>
    public static void Append(string path, IEnumerable<string> lines)
    {
        var encoded = lines.Select(line => line.Contains('\n', StringComparison.Ordinal)
            ? throw new ArgumentException("A JSONL line cannot contain a newline.", nameof(lines))
            : Encoding.UTF8.GetBytes(line + "\n")).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        using var pending = new MemoryStream();
        foreach (var bytes in encoded)
        {
            if (pending.Length > 0 && pending.Length + bytes.Length > MaxWriteBytes)
            {
                Flush(stream, pending);
            }

            pending.Write(bytes);
        }

        Flush(stream, pending);
    }

    /// <summary>The last <paramref name="count"/> complete lines of the file, oldest first; empty when it does not exist.</summary>
    public static IReadOnlyList<string> ReadLast(string path, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }

        using (stream)
        {
            var length = stream.Length;
            for (long window = FirstTailWindow; ; window *= 4)
            {
                var start = Math.Max(0, length - window);
                var buffer = new byte[length - start];
                stream.Position = start;
                stream.ReadExactly(buffer);
                var lines = CompleteLines(buffer, startsMidLine: start > 0);
                if (lines.Count >= count || start == 0)
                {
                    return lines.Count > count ? [.. lines.Skip(lines.Count - count)] : lines;
                }
            }
        }
    }

    /// <summary>The last <paramref name="count"/> lines of the file that <paramref name="parse"/> reads, oldest first; it skips the others.</summary>
    public static IReadOnlyList<T> ReadLast<T>(string path, int count, Func<string, T?> parse)
        where T : class => [.. ReadLast(path, count).Select(parse).OfType<T>()];

    private static void Flush(FileStream stream, MemoryStream pending)
    {
        if (pending.Length == 0)
        {
            return;
        }

        stream.Write(pending.GetBuffer(), 0, (int)pending.Length);
        stream.Flush();
        pending.SetLength(0);
    }

    private static List<string> CompleteLines(byte[] buffer, bool startsMidLine)
    {
        var lines = new List<string>();
        var from = 0;
        if (startsMidLine)
        {
            // The window began inside a line: its head is outside the window.
            from = Array.IndexOf(buffer, (byte)'\n') + 1;
            if (from == 0)
            {
                return lines;
            }
        }

        // Everything after the last newline is a line still being written.
        for (var end = Array.IndexOf(buffer, (byte)'\n', from); end >= 0; end = Array.IndexOf(buffer, (byte)'\n', from))
        {
            if (end > from)
            {
                lines.Add(Encoding.UTF8.GetString(buffer, from, end - from));
            }

            from = end + 1;
        }

        return lines;
    }
}
