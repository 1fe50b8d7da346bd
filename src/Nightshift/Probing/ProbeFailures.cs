using System.Globalization;
using Nightshift.Diagnostics;
using Nightshift.Execution;

namespace Nightshift.Probing;

/// <summary>
/// Synthetic diagnostics for steps that failed without saying why in a form the parser understands: a crash,
/// a timeout, a missing tool, output too large to keep. They make such failures visible as clusters, and they
/// keep the verifier honest: a change that makes a tool crash before it reports its errors must not look like
/// a change that fixed them.
/// </summary>
public static class ProbeFailures
{
    public const string Tool = "nightshift";

    /// <summary>A step ran past its time limit and was stopped.</summary>
    public const string TimeoutCode = "probe-timeout";

    /// <summary>A step exited non-zero (or could not start) without reporting any error.</summary>
    public const string StepFailedCode = "step-failed";

    /// <summary>A step printed more than the probe keeps, so diagnostics in the middle were lost.</summary>
    public const string OutputTruncatedCode = "output-truncated";

    private const int TailCharacters = 300;

    internal static Diagnostic TimedOut(string step, TimeSpan limit, string setting, string item, SourceSpan? location) =>
        Create(TimeoutCode, $"{step} did not finish within {Format(limit)} ({setting}) and was stopped", item, location);

    internal static Diagnostic CouldNotStart(string step, CommandStartException exception, string item, SourceSpan? location) =>
        Create(StepFailedCode, $"{step} could not start: {exception.Message}", item, location);

    internal static Diagnostic Failed(string step, CommandResult result, string item, SourceSpan? location)
    {
        var how = result.ExitCode is > 128 and < 128 + 65
            ? $"was killed by signal {result.ExitCode - 128} (exit code {result.ExitCode})"
            : $"exited with code {result.ExitCode}";
        var tail = Tail(result.StandardError) ?? Tail(result.StandardOutput);
        var said = tail is null ? "without any output" : $"without reporting an error: {tail}";
        return Create(StepFailedCode, $"{step} {how} {said}", item, location);
    }

    internal static Diagnostic Truncated(string step, int limit, string item, SourceSpan? location) =>
        Create(OutputTruncatedCode, $"{step} printed more than {limit:N0} characters on a stream; diagnostics in the middle were dropped", item, location);

    private static Diagnostic Create(string code, string message, string item, SourceSpan? location) =>
        new(Tool, Severity.Error, code, message, location) { Item = item };

    /// <summary>The last few lines, on one line: the message of a diagnostic is one line.</summary>
    private static string? Tail(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return null;
        }

        var tail = string.Join(" | ", lines.TakeLast(3));
        return tail.Length <= TailCharacters ? tail : "…" + tail[^TailCharacters..];
    }

    private static string Format(TimeSpan limit) => limit.TotalSeconds < 1
        ? $"{limit.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
        : $"{limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
}
