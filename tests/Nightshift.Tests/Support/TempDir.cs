namespace Nightshift.Tests.Support;

/// <summary>A fresh directory under the system temp folder (or <c>parent</c>), deleted (best effort) on dispose.</summary>
public sealed class TempDir : IDisposable
{
    /// <summary>Where a folder goes that a sandboxed command must see as it is: its private /tmp hides the real one.</summary>
    public const string OutsideTmp = "/var/tmp";

    public TempDir(string? prefix = null, string? parent = null)
    {
        Path = System.IO.Path.Combine(parent ?? System.IO.Path.GetTempPath(), $"ns-{prefix ?? "test"}-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes a file (creating folders) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test that leaves a process behind must not fail the next one; the OS cleans /tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
