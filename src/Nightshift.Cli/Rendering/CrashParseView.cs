using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Cli.Rendering;

/// <summary>What <c>nightshift crash parse</c> prints: each report's crash with its frames, own ones marked, and its signature.</summary>
internal static class CrashParseView
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(IReadOnlyList<ParsedReport> reports)
    {
        var text = new StringBuilder();
        foreach (var report in reports)
        {
            if (report.Analysis is not { } analysis)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{report.File}: not a crash report of a known format (or not complete yet)");
                continue;
            }

            var crash = analysis.Crash;
            text.AppendLine(CultureInfo.InvariantCulture, $"{report.File}: {crash.Format} {crash.Kind}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  message:   {crash.Message.ReplaceLineEndings(" | ")}");
            if (crash.Thread is { } thread)
                text.AppendLine(CultureInfo.InvariantCulture, $"  thread:    {thread}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  signature: {analysis.Signature}");
            text.AppendLine("  frames (* = own code):");
            foreach (var (frame, index) in Frames(crash).Select((frame, index) => (frame, index)))
            {
                var match = frame.File is { } file ? report.OwnCode.Match(file) : null;
                var where = frame.Location ?? (frame.Module is { } module ? $"{module}{(frame.Offset is { } offset ? $" +{offset}" : "")}" : frame.Address ?? "");
                text.Append(CultureInfo.InvariantCulture, $"  {(match is null ? " " : "*")} #{index,-3} {frame.Function}  {where}");
                if (match is not null)
                    text.Append(CultureInfo.InvariantCulture, $"  -> {match.Path}{(match.Note is { } note ? $" ({note})" : "")}");
                text.AppendLine();
            }

            if (Frames(crash).Count == 0)
                text.AppendLine("    (the report names no frame)");
        }

        return text.ToString();
    }

    public static string Json(IReadOnlyList<ParsedReport> reports) =>
        new JsonArray([.. reports.Select(Report)]).ToJsonString(_indented);

    private static JsonObject Report(ParsedReport report)
    {
        if (report.Analysis is not { } analysis)
            return new JsonObject { ["file"] = report.File, ["recognized"] = false };

        var crash = analysis.Crash;
        return new JsonObject
        {
            ["file"] = report.File,
            ["recognized"] = true,
            ["format"] = crash.Format,
            ["kind"] = crash.Kind,
            ["message"] = crash.Message,
            ["thread"] = crash.Thread,
            ["title"] = analysis.Title,
            ["signature"] = analysis.Signature.Value,
            ["frames"] = new JsonArray([.. Frames(crash).Select(frame => Frame(frame, report))]),
        };
    }

    private static JsonObject Frame(CrashFrame frame, ParsedReport report)
    {
        var match = frame.File is { } file ? report.OwnCode.Match(file) : null;
        return new JsonObject
        {
            ["function"] = frame.Function,
            ["file"] = frame.File,
            ["line"] = frame.Line,
            ["module"] = frame.Module,
            ["offset"] = frame.Offset,
            ["address"] = frame.Address,
            ["own"] = match is not null,
            ["repository_file"] = match?.Path,
            ["note"] = match?.Note,
        };
    }

    // A report without a stack (a Rust panic without a backtrace) still names where it happened.
    private static IReadOnlyList<CrashFrame> Frames(CrashRecord crash) =>
        crash.Frames.Count > 0 ? crash.Frames : crash.FaultingFrame is { } fault ? [fault] : [];
}
