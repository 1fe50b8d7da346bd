namespace Nightshift.Diagnostics.Crashes;

/// <summary>
/// What makes two crash reports "the same crash": the kind plus the top frames in the project's own
/// code, each as function and file name (without symbols: module and offset in it), never line
/// numbers or absolute addresses, so the crash still deduplicates after an unrelated edit shifts
/// its lines or a restart moves its load address.
/// </summary>
public sealed record CrashSignature(string Value)
{
    /// <summary>
    /// The signature of <paramref name="crash"/>: its kind (with <see cref="CrashRecord.KindDetail"/>)
    /// and its top <paramref name="frames"/> own frames. Falls back to the top frames of any code when none is own (a crash inside a
    /// library), and adds the normalized message when no chosen frame names a function.
    /// </summary>
    public static CrashSignature Of(CrashRecord crash, Func<CrashFrame, bool> isOwnFrame, int frames = 3)
    {
        ArgumentNullException.ThrowIfNull(crash);
        ArgumentNullException.ThrowIfNull(isOwnFrame);
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);

        var own = crash.OwnFrames(isOwnFrame);
        var candidates = own.Count > 0
            ? own
            : crash.StackOrFault().Where(SignatureText.IsLocated);
        var chosen = candidates.Take(frames).ToList();
        var parts = chosen.Select(SignatureText.Frame).ToList();

        // Without a single function name (a report that names only a file), the message is what
        // tells two crashes in one file apart; an offset in a module is as precise as a name.
        if (crash.KindDetail is null && chosen.All(frame => SignatureText.IsUnknown(frame.Function) && frame.Offset is null))
            parts.Add(SignatureText.Message(crash.Message));

        var kind = crash.KindDetail is { } detail ? $"{crash.Kind} ({SignatureText.Message(detail)})" : crash.Kind;
        return new CrashSignature($"{kind} @ {string.Join(" < ", parts)}");
    }

    public override string ToString() => Value;
}
