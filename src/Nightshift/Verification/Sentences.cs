namespace Nightshift.Verification;

/// <summary>Keeps quoted text in a verdict's one-line sentences to one short line.</summary>
internal static class Sentences
{
    private const int MaxQuoted = 160;

    /// <summary>The first non-empty line of <paramref name="text"/>, cut to a readable length.</summary>
    public static string Clip(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length <= MaxQuoted ? line : string.Concat(line.AsSpan(0, MaxQuoted - 1), "…");
    }

    /// <summary>": detail" for a non-empty detail, nothing otherwise.</summary>
    public static string Detail(string? detail) =>
        string.IsNullOrWhiteSpace(detail) ? "" : $": {Clip(detail)}";
}
