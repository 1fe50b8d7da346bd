using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Reads one rustc JSON diagnostic (https://doc.rust-lang.org/rustc/json.html) into a
/// <see cref="Diagnostic"/>. rustc puts its suggested edits on the spans of help children, so
/// every child with a <c>suggested_replacement</c> becomes one <see cref="Suggestion"/>.
/// </summary>
public static partial class RustcJson
{
    public const string Tool = "rustc";

    /// <summary>
    /// The diagnostic, or null for messages that describe the compilation rather than the code:
    /// other message types, <c>failure-note</c>s ("For more information about this error"),
    /// "aborting due to N previous errors" and "N warnings emitted". Counting those would make
    /// every failing build look one error worse than it is.
    /// </summary>
    public static Diagnostic? Parse(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object
            || (message.TryGetProperty("$message_type", out var type) && type.GetString() != "diagnostic")
            || !message.TryGetProperty("message", out var text) || text.ValueKind != JsonValueKind.String
            || !message.TryGetProperty("level", out var levelElement))
        {
            return null;
        }

        var body = text.GetString()!;
        var severity = SeverityOf(levelElement.GetString());
        if (severity is null || IsSummary(body))
        {
            return null;
        }

        var spans = Spans(message).ToList();
        var primary = spans.FirstOrDefault(s => s.IsPrimary) ?? spans.FirstOrDefault();
        var related = spans.Where(s => s != primary).Select(s => s.Span).ToList();
        var children = new List<string>();
        var suggestions = new List<Suggestion>();
        if (message.TryGetProperty("children", out var childList) && childList.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in childList.EnumerateArray())
            {
                ReadChild(child, children, suggestions, related);
            }
        }

        return new Diagnostic(Tool, severity.Value, CodeOf(message), body, primary?.Span)
        {
            Related = related,
            Children = children,
            Suggestions = suggestions,
            Rendered = message.TryGetProperty("rendered", out var rendered) && rendered.ValueKind == JsonValueKind.String
                ? rendered.GetString()
                : null,
        };
    }

    private static void ReadChild(JsonElement child, List<string> children, List<Suggestion> suggestions, List<SourceSpan> related)
    {
        var message = child.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        var level = child.TryGetProperty("level", out var l) ? l.GetString() ?? "note" : "note";
        children.Add($"{level}: {message}");

        var replacements = new List<Replacement>();
        var applicability = Applicability.Unspecified;
        foreach (var span in Spans(child))
        {
            if (span.Replacement is { } text)
            {
                replacements.Add(new Replacement(span.Span with { Label = null }, text, span.ByteStart, span.ByteEnd));
                applicability = span.Applicability ?? applicability;
            }
            else
            {
                related.Add(span.Span with { Label = span.Span.Label ?? message });
            }
        }

        if (replacements.Count > 0)
        {
            suggestions.Add(new Suggestion(message, replacements, applicability));
        }
    }

    private static IEnumerable<RawSpan> Spans(JsonElement message)
    {
        if (!message.TryGetProperty("spans", out var spans) || spans.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var span in spans.EnumerateArray())
        {
            yield return RawSpan.Parse(OutsideExternalMacros(span));
        }
    }

    // A span inside a macro of the standard library names a pseudo-file such as
    // "<::core::macros::panic macros>"; the call site in the user's code is what can be fixed.
    private static JsonElement OutsideExternalMacros(JsonElement span)
    {
        while (Str(span, "file_name") is { } file && file.StartsWith('<')
            && span.TryGetProperty("expansion", out var expansion) && expansion.ValueKind == JsonValueKind.Object
            && expansion.TryGetProperty("span", out var callSite))
        {
            span = callSite;
        }

        return span;
    }

    private static Severity? SeverityOf(string? level) => level switch
    {
        "failure-note" => null,
        "warning" => Severity.Warning,
        "note" => Severity.Note,
        "help" => Severity.Help,
        // "error: internal compiler error" is a level of its own.
        not null when level.StartsWith("error", StringComparison.Ordinal) => Severity.Error,
        _ => null,
    };

    private static string? CodeOf(JsonElement message) =>
        message.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Object ? Str(code, "code") : null;

    private static bool IsSummary(string message) =>
        message.StartsWith("aborting due to", StringComparison.Ordinal)
        || message.StartsWith("For more information about", StringComparison.Ordinal)
        || message.StartsWith("Some errors have detailed explanations", StringComparison.Ordinal)
        || WarningsEmitted().IsMatch(message);

    [GeneratedRegex(@"^\d+ warnings? emitted$")]
    private static partial Regex WarningsEmitted();

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private sealed record RawSpan(SourceSpan Span, bool IsPrimary, string? Replacement, Applicability? Applicability, int? ByteStart, int? ByteEnd)
    {
        public static RawSpan Parse(JsonElement span) => new(
            new SourceSpan(
                Str(span, "file_name") ?? "",
                Int(span, "line_start"),
                Int(span, "column_start"),
                Int(span, "line_end"),
                Int(span, "column_end"),
                Str(span, "label")),
            span.TryGetProperty("is_primary", out var primary) && primary.ValueKind == JsonValueKind.True,
            Str(span, "suggested_replacement"),
            Str(span, "suggestion_applicability") switch
            {
                "MachineApplicable" => Diagnostics.Applicability.MachineApplicable,
                "MaybeIncorrect" => Diagnostics.Applicability.MaybeIncorrect,
                "HasPlaceholders" => Diagnostics.Applicability.HasPlaceholders,
                "Unspecified" => Diagnostics.Applicability.Unspecified,
                _ => null,
            },
            Int(span, "byte_start"),
            Int(span, "byte_end"));
    }
}
