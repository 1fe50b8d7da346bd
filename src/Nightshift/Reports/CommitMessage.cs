namespace Nightshift.Reports;

/// <summary>Reads what the lander wrote into a commit message: the subject and the <c>Verified:</c> trailer.</summary>
internal static class CommitMessage
{
    public const string VerifiedTrailer = "Verified";

    public static string Subject(string message) =>
        message.Split('\n', 2)[0].TrimEnd('\r').Trim();

    /// <summary>The value of the last <c>Verified:</c> trailer line, or null.</summary>
    public static string? Verified(string message) =>
        message.Split('\n')
            .Skip(1)
            .Select(line => line.TrimEnd('\r'))
            .LastOrDefault(line => line.StartsWith(VerifiedTrailer + ":", StringComparison.OrdinalIgnoreCase)) is { } trailer
            && trailer[(VerifiedTrailer.Length + 1)..].Trim() is { Length: > 0 } value
                ? value
                : null;
}
