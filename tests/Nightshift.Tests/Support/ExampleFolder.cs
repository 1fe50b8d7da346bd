namespace Nightshift.Tests.Support;

/// <summary>A bundled example project under examples/, copied without its build output for a test to use.</summary>
public static class ExampleFolder
{
    public static string Root(string name) => Path.Combine(Binaries.RepositoryRoot, "examples", name);

    /// <summary>Copies examples/<paramref name="name"/> (without target/ and .nightshift/) into <paramref name="destination"/>.</summary>
    public static void CopyTo(string name, string destination)
    {
        var root = Root(name);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "target" or ".nightshift")
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
