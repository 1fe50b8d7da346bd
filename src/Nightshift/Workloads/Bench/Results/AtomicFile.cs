namespace Nightshift.Workloads.Bench.Results;

/// <summary>
/// Writes a file so that readers (and a resumed bench after a kill -9) see either the old content or the
/// new, never half of it: write a temporary file next to it, flush it to disk, rename it over the target.
/// </summary>
internal static class AtomicFile
{
    public const string TemporarySuffix = ".partial";

    public static void WriteAllText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
