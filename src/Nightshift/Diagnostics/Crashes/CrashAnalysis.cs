using System.Globalization;

namespace Nightshift.Diagnostics.Crashes;

/// <summary>
/// A parsed crash with what the pipeline needs to know about it: its signature (what deduplicates it), its frames in the
/// project's own code with their repository-relative files, and a one-line title for status and reports.
/// </summary>
public sealed record CrashAnalysis(CrashRecord Crash, CrashSignature Signature, IReadOnlyList<OwnFrame> OwnFrames)
{
    /// <summary>Frames of the signature: as many as <see cref="CrashSignature.Of"/> looks at.</summary>
    public const int SignatureFrames = 3;

    /// <summary>"panic in handlers.rs:8 (crash_service::handlers::divide): attempt to divide by zero".</summary>
    public string Title
    {
        get
        {
            var where = OwnFrames.Count > 0 && OwnFrames[0] is { } top
                ? string.Create(CultureInfo.InvariantCulture, $" in {Path.GetFileName(top.Path)}{(top.Frame.Line is { } line ? $":{line}" : "")}")
                    + (SignatureText.IsUnknown(top.Frame.Function) ? "" : $" ({top.Frame.Function})")
                : "";
            var message = Crash.Message.ReplaceLineEndings(" ");
            return $"{Crash.Kind}{where}: {(message.Length > 120 ? message[..120] + "…" : message)}";
        }
    }

    /// <summary>The repository-relative files of the own frames, in stack order, without repeats.</summary>
    public IReadOnlyList<string> OwnFiles => [.. OwnFrames.Select(f => f.Path).Distinct(StringComparer.Ordinal)];

    /// <summary>Parses <paramref name="text"/>; null when it is not a crash report of a known format.</summary>
    public static CrashAnalysis? Of(string text, OwnCode ownCode)
    {
        ArgumentNullException.ThrowIfNull(ownCode);
        if (CrashParsers.Parse(text) is not { } crash)
        {
            return null;
        }

        var own = crash.OwnFrames(ownCode.IsOwn).Select(frame => new OwnFrame(frame, ownCode.Match(frame.File!)!)).ToList();
        return new CrashAnalysis(crash, CrashSignature.Of(crash, ownCode.IsOwn, SignatureFrames), own);
    }
}

/// <summary>A frame in the project's own code, with the repository file its path resolved to.</summary>
public sealed record OwnFrame(CrashFrame Frame, SourceMatch Source)
{
    /// <summary>The frame's file as a repository-relative path.</summary>
    public string Path => Source.Path;
}
