namespace Nightshift.Tests.Support;

/// <summary>The bundled example project examples/rust-corpus: a small crate plus a corpus of broken programs.</summary>
public static class RustCorpus
{
    public static string Root => Path.Combine(Binaries.RepositoryRoot, "examples", "rust-corpus");

    /// <summary>The corpus items (the probe's <c>corpus/*.rs</c>), full paths in ordinal order.</summary>
    public static IReadOnlyList<string> Items =>
        Directory.GetFiles(Path.Combine(Root, "corpus"), "*.rs").Order(StringComparer.Ordinal).ToList();

    /// <summary>Copies the example (without build output) into <paramref name="destination"/>, e.g. to git init it.</summary>
    public static void CopyTo(string destination)
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file);
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
