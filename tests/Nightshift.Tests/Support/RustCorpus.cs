namespace Nightshift.Tests.Support;

/// <summary>The bundled example project examples/rust-corpus: a small crate plus a corpus of broken programs.</summary>
public static class RustCorpus
{
    public static string Root => ExampleFolder.Root("rust-corpus");

    /// <summary>The corpus items (the probe's <c>corpus/*.rs</c>), full paths in ordinal order.</summary>
    public static IReadOnlyList<string> Items =>
        Directory.GetFiles(Path.Combine(Root, "corpus"), "*.rs").Order(StringComparer.Ordinal).ToList();

    /// <summary>Copies the example (without build output) into <paramref name="destination"/>, e.g. to git init it.</summary>
    public static void CopyTo(string destination) => ExampleFolder.CopyTo("rust-corpus", destination);
}
