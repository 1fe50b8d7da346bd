namespace Nightshift.Tests.Support;

/// <summary>Paths of the real programs the tests start as subprocesses.</summary>
public static class Binaries
{
    /// <summary>The repository root (the folder holding Nightshift.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The dummy program's apphost (tests/Nightshift.Tests.Dummy), built alongside the tests.</summary>
    public static string Dummy => Path.Combine(
        RepositoryRoot, "tests", "Nightshift.Tests.Dummy", "bin", Configuration, "net10.0", "dummy");

    /// <summary>
    /// The nightshift CLI's main assembly, run with <c>dotnet</c>, from the CLI project's own output: the copy next to
    /// the tests resolves its dependencies against the test project's frameworks (ASP.NET for loopback servers), which
    /// the CLI does not load.
    /// </summary>
    public static string CliAssembly => Path.Combine(
        RepositoryRoot, "src", "Nightshift.Cli", "bin", Configuration, "net10.0", "Nightshift.Cli.dll");

    /// <summary>The build configuration these tests were built with (Debug or Release).</summary>
    public static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nightshift.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Nightshift.slnx above {AppContext.BaseDirectory}.");
    }
}
