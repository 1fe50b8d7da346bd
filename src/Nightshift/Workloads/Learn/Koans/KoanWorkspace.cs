namespace Nightshift.Workloads.Learn.Koans;

/// <summary>
/// A throw-away copy of one koan (never its solution) for a check or an agent's attempt, under the
/// system temp folder: <see cref="Path"/> is what the agent may change, <see cref="BinDirectory"/> holds
/// what the compiler writes, outside the agent's reach and outside the diff.
/// </summary>
public sealed partial class KoanWorkspace : IDisposable
{
    private KoanWorkspace(Koan koan, string root)
    {
        Koan = koan;
        Root = root;
    }

    public Koan Koan { get; }

    /// <summary>The folder holding <see cref="Path"/> and <see cref="BinDirectory"/>; deleted on dispose.</summary>
    public string Root { get; }

    /// <summary>The koan's files: Cargo.toml, src/lib.rs, src/tests.rs.</summary>
    public string Path => System.IO.Path.Combine(Root, "work");

    public string BinDirectory => System.IO.Path.Combine(Root, "bin");

    public string SourcePath => System.IO.Path.Combine(Path, Koan.SourceFile);

    /// <summary>Copies the koan into a fresh folder under <paramref name="parent"/> (the system temp folder by default).</summary>
    public static KoanWorkspace Create(Koan koan, string? parent = null)
    {
        ArgumentNullException.ThrowIfNull(koan);
        var root = System.IO.Path.Combine(
            parent ?? System.IO.Path.GetTempPath(), $"nightshift-koan-{Guid.NewGuid().ToString("N")[..12]}-{koan.Id}");
        var workspace = new KoanWorkspace(koan, root);
        Directory.CreateDirectory(workspace.BinDirectory);
        foreach (var file in Koan.WorkspaceFiles)
        {
            var target = System.IO.Path.Combine(workspace.Path, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(System.IO.Path.Combine(koan.Directory, file), target);
        }

        return workspace;
    }

    /// <summary>Puts the koan's own tests back, whatever an agent did to them: a fix is judged by the original tests.</summary>
    public void RestoreTests() =>
        File.Copy(Koan.TestsPath, System.IO.Path.Combine(Path, Koan.TestsFile), overwrite: true);

    /// <summary>Replaces the broken source with the reference solution.</summary>
    public void ApplySolution() => File.Copy(Koan.SolutionPath, SourcePath, overwrite: true);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a process an agent left behind may still hold a file; the OS cleans temp folders.
        }
    }
}
