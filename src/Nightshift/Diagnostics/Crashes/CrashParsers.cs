using Nightshift.Diagnostics.Crashes.Formats;

namespace Nightshift.Diagnostics.Crashes;

/// <summary>Detects a crash report's format and parses it into a <see cref="CrashRecord"/>.</summary>
public static class CrashParsers
{
    // Order matters where markers overlap: an ASan report's frames look like gdb's ("#0 0x... in"),
    // and a gdb session can show a program's own stderr (an assertion's message before its
    // SIGABRT), so the most specific markers go first: gdb's stack beats the one line of an assertion.
    private static readonly ICrashFormat[] _formats =
    [
        new TrinityCoreFormat(),
        new AsanFormat(),
        new GdbFormat(),
        new ServerAssertFormat(),
        new GlibcAssertFormat(),
        new CppTerminateFormat(),
        new RustPanicFormat(),
        new DotNetFormat(),
        new PythonFormat(),
    ];

    // What a C or C++ program prints itself as it aborts.
    private static readonly ICrashFormat[] _ownWords = [new ServerAssertFormat(), new GlibcAssertFormat(), new CppTerminateFormat()];

    /// <summary>
    /// The crash in <paramref name="text"/>, or null when it is not a (complete) crash report of a
    /// format we know: empty, garbage, or a file cut off before the crash is described. Never throws.
    /// </summary>
    public static CrashRecord? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var format in _formats)
        {
            if (format.Matches(normalized) && format.Parse(normalized) is { } crash)
                return crash.Format == CrashFormats.Gdb ? WithProgramsOwnWords(crash, normalized) : crash;
        }

        return null;
    }

    /// <summary>
    /// A program run under gdb prints why it gives up before the signal arrives: an assertion, an uncaught exception's
    /// what(). The signal ("Aborted") says less than those words, so they become the message; the stack stays gdb's.
    /// </summary>
    private static CrashRecord WithProgramsOwnWords(CrashRecord crash, string text)
    {
        var signal = text.IndexOf(" signal " + crash.Kind + ",", StringComparison.Ordinal);
        var lineStart = signal < 0 ? -1 : text.LastIndexOf('\n', signal);
        var before = lineStart < 0 ? "" : text[..lineStart];
        return _ownWords.Where(format => format.Matches(before)).Select(format => format.Parse(before + "\n\n")).FirstOrDefault(words => words is not null) is { } words
            ? crash with { Message = words.Message.Length > 0 ? $"{words.Kind}: {words.Message}" : words.Kind }
            : crash;
    }
}
