using System.Globalization;

namespace Nightshift.Landing;

/// <summary>
/// The message of a landed commit. The subject says what changed: <c>&lt;TICKET&gt;: &lt;the agent's own summary&gt;</c>,
/// or the changed files when the agent gave none (#16). The body states what the verifier saw fixed and the agent's whole
/// summary; trailers tie the commit to the journal (session, attempt) and give the verifier's figures. Recovery finds a
/// commit by its attempt trailer.
/// </summary>
public static class LandingMessage
{
    public const string SessionTrailer = "Nightshift-Session";
    public const string AttemptTrailer = "Nightshift-Attempt";
    public const string VerifiedTrailer = "Verified";

    /// <summary>The longest subject line, ticket included: what git's tools and forges show without cutting it.</summary>
    public const int MaxSubjectLength = 72;

    /// <summary>The whole message, without a final newline.</summary>
    /// <param name="ticket">E.g. NS-0007.</param>
    /// <param name="request">The landing: its outcome, the agent's summary and the verifier's figures.</param>
    /// <param name="changedPaths">The files the commit changes, repository-relative.</param>
    public static string Compose(string ticket, LandingRequest request, IReadOnlyList<string> changedPaths)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(request);
        var room = MaxSubjectLength - ticket.Length - 2;
        var summary = Paragraph(request.AgentSummary);
        var subject = summary.Length > 0 ? Shorten(summary, room) : LandingSubjects.OfPaths(changedPaths, room);
        if (subject.Length == 0)
        {
            subject = $"change from attempt {request.AttemptId.ToString(CultureInfo.InvariantCulture)}";
        }

        var body = new List<string>();
        if (OneLine(request.Outcome) is { Length: > 0 } outcome)
        {
            body.Add(outcome);
        }

        if (summary.Length > 0 && summary.TrimEnd('.') != subject)
        {
            body.Add(summary);
        }

        var trailers = new List<string>
        {
            $"{SessionTrailer}: {request.SessionId.ToString(CultureInfo.InvariantCulture)}",
            $"{AttemptTrailer}: {request.AttemptId.ToString(CultureInfo.InvariantCulture)}",
        };
        if (OneLine(request.Verified) is { Length: > 0 } figures)
        {
            trailers.Add($"{VerifiedTrailer}: {figures}");
        }

        body.Add(string.Join('\n', trailers));
        return $"{ticket}: {subject}\n\n{string.Join("\n\n", body)}";
    }

    // The subject is the summary's first line, or its first sentence, or its start cut at a word: never a second line.
    private static string Shorten(string summary, int room)
    {
        var line = summary.Split('\n')[0];
        if (line.Length <= room)
        {
            return line.TrimEnd('.');
        }

        var sentence = line.IndexOf(". ", StringComparison.Ordinal);
        if (sentence > 0 && sentence <= room)
        {
            return line[..sentence];
        }

        return LandingSubjects.Cut(line, room);
    }

    // A newline in the subject would start the body; one in a trailer value would end the trailer block.
    private static string OneLine(string? text) =>
        string.Join("; ", (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // The summary's lines trimmed, without blank ones or control characters (a stray \r or escape in a model's text).
    private static string Paragraph(string? text) =>
        string.Join('\n', new string([.. (text ?? "").ReplaceLineEndings("\n").Select(c => c != '\n' && char.IsControl(c) ? ' ' : c)])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
