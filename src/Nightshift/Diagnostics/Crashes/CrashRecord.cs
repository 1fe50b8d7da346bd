namespace Nightshift.Diagnostics.Crashes;

/// <summary>
/// One crash, parsed from a crash report into the same shape whatever wrote it (see
/// <see cref="CrashFormats"/> for <see cref="Format"/>). <see cref="Kind"/> is the exception type,
/// signal or sanitizer error kind ("ACCESS_VIOLATION", "SIGSEGV", "panic",
/// "System.NullReferenceException", "heap-use-after-free", "KeyError"); <see cref="Frames"/> are
/// top of stack first; <see cref="FaultingFrame"/> is where it happened (usually
/// <c>Frames[0]</c>, but a Rust panic without a backtrace has only its location, and a
/// TrinityCore report names the faulting module and address separately).
/// </summary>
public sealed record CrashRecord(
    string Format,
    string Kind,
    string Message,
    CrashFrame? FaultingFrame,
    IReadOnlyList<CrashFrame> Frames,
    string? Thread = null,
    string? Revision = null)
{
    /// <summary>The other stacks of the crash: ASan freed-by / allocated-by, inner exceptions, chained Python exceptions.</summary>
    public IReadOnlyList<CrashTrace> Related { get; init; } = [];

    /// <summary>The bad access of an ASan report or an access violation, when the report describes one.</summary>
    public MemoryAccess? Access { get; init; }

    /// <summary>
    /// What refines <see cref="Kind"/> for deduplication where the kind alone is coarse: a Rust
    /// panic's message up to its first ": " ("port must be a number", "called `Option::unwrap()`
    /// on a `None` value"), the panic's own words without the error value it carries.
    /// </summary>
    public string? KindDetail { get; init; }

    /// <summary>When the report says it was written ("Date: 2024-03-02 02:14:07"), as printed.</summary>
    public string? Timestamp { get; init; }

    /// <summary>
    /// The frames in the project's own code, top first: <see cref="Frames"/> (or the faulting frame
    /// when there are none) filtered by <paramref name="isOwnFrame"/>, which the pipeline builds
    /// from the repository (the file lies under the root, or the relative path exists in it).
    /// </summary>
    public IReadOnlyList<CrashFrame> OwnFrames(Func<CrashFrame, bool> isOwnFrame)
    {
        ArgumentNullException.ThrowIfNull(isOwnFrame);
        return [.. StackOrFault().Where(frame => frame.File is not null && isOwnFrame(frame))];
    }

    /// <summary>Own frames of every stack (the crashing one first, then each related one), without repeats.</summary>
    public IReadOnlyList<CrashFrame> AllOwnFrames(Func<CrashFrame, bool> isOwnFrame)
    {
        ArgumentNullException.ThrowIfNull(isOwnFrame);
        return [.. OwnFrames(isOwnFrame)
            .Concat(Related.SelectMany(stack => stack.Frames).Where(frame => frame.File is not null && isOwnFrame(frame)))
            .Distinct()];
    }

    internal IEnumerable<CrashFrame> StackOrFault() =>
        Frames.Count > 0 ? Frames : FaultingFrame is { } fault ? [fault] : [];
}
