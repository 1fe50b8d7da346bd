using System.Globalization;

namespace Nightshift.Landing;

/// <summary>
/// The message of a landed commit: <c>&lt;TICKET&gt;: &lt;summary&gt;</c>, then trailers that tie the commit to the
/// journal (session, attempt) and state what the verifier measured. Recovery finds a commit by its attempt trailer.
/// </summary>
public static class LandingMessage
{
    public const string SessionTrailer = "Nightshift-Session";
    public const string AttemptTrailer = "Nightshift-Attempt";
    public const string VerifiedTrailer = "Verified";

    public static string Compose(string ticket, string summary, long sessionId, long attemptId, string verified)
    {
        var subject = OneLine(summary) is { Length: > 0 } line ? line : $"fix from attempt {attemptId.ToString(CultureInfo.InvariantCulture)}";
        var trailers = new List<string>
        {
            $"{SessionTrailer}: {sessionId.ToString(CultureInfo.InvariantCulture)}",
            $"{AttemptTrailer}: {attemptId.ToString(CultureInfo.InvariantCulture)}",
        };
        if (OneLine(verified) is { Length: > 0 } figures)
        {
            trailers.Add($"{VerifiedTrailer}: {figures}");
        }

        return $"{ticket}: {subject}\n\n{string.Join('\n', trailers)}";
    }

    // A newline in the subject would start the body; one in a trailer value would end the trailer block.
    private static string OneLine(string? text) =>
        string.Join("; ", (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
