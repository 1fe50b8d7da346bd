namespace Nightshift.Reports;

/// <summary>Paths as SARIF wants them: URI references, percent-encoded, '/' separated.</summary>
internal static class SarifUris
{
    /// <summary>A relative path stays a relative reference (resolved against SRCROOT); an absolute one becomes a file: URI.</summary>
    public static string File(string path)
    {
        var encoded = Encode(path);
        return Path.IsPathRooted(path) ? "file://" + encoded : encoded;
    }

    /// <summary>SARIF requires a base URI to end with a slash.</summary>
    public static string Directory(string path)
    {
        var encoded = Encode(Path.GetFullPath(path));
        return "file://" + (encoded.EndsWith('/') ? encoded : encoded + "/");
    }

    private static string Encode(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
