namespace Nightshift.Workloads.CrashWatch.Parsing;

/// <summary>
/// What makes two crash reports "the same crash": the kind plus the top frames in the project's own
/// code, each as function and file name, never line numbers or addresses, so the crash still
/// deduplicates after an unrelated edit shifts its lines or a rebuild moves its addresses.
/// </summary>
public sealed record CrashSignature(string Value)
{
    /// <summary>
    /// The signature of <paramref name="crash"/>: its kind and its top <paramref name="frames"/>
    /// own frames. Falls back to the top frames of any code when none is own (a crash inside a
    /// library), and to the normalized message when the report has no frames at all.
    /// </summary>
    public static CrashSignature Of(CrashRecord crash, Func<CrashFrame, bool> isOwnFrame, int frames = 3)
    {
        ArgumentNullException.ThrowIfNull(crash);
        ArgumentNullException.ThrowIfNull(isOwnFrame);
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);

        var own = crash.OwnFrames(isOwnFrame);
        var chosen = own.Count > 0
            ? own
            : [.. crash.StackOrFault().Where(frame => !SignatureText.IsUnknown(frame.Function) || frame.File is not null)];
        var parts = chosen.Take(frames).Select(SignatureText.Frame).ToList();
        if (parts.Count == 0)
            parts.Add(SignatureText.Message(crash.Message));

        return new CrashSignature($"{crash.Kind} @ {string.Join(" < ", parts)}");
    }

    public override string ToString() => Value;
}
