using System.Globalization;
using System.Text;
using Nightshift.Diagnostics;

namespace Nightshift.Agents.Tools;

/// <summary>Diagnostics as a model reads them best: one line each, like a compiler's short format, plus its first notes.</summary>
internal static class DiagnosticText
{
    private const int MaxDiagnostics = 40;
    private const int MaxChildren = 3;

    public static string Render(IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return "No diagnostics.";
        }

        var errors = diagnostics.Count(diagnostic => diagnostic.IsError);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{diagnostics.Count} diagnostic(s), {errors} error(s):\n");
        foreach (var diagnostic in diagnostics.Take(MaxDiagnostics))
        {
            text.Append(Line(diagnostic)).Append('\n');
            foreach (var child in diagnostic.Children.Take(MaxChildren))
            {
                text.Append("    = ").Append(child.ReplaceLineEndings(" ")).Append('\n');
            }
        }

        if (diagnostics.Count > MaxDiagnostics)
        {
            text.Append(CultureInfo.InvariantCulture, $"… and {diagnostics.Count - MaxDiagnostics} more.\n");
        }

        return text.ToString();
    }

    /// <summary><c>src/main.rs:3:18: error[E0308]: mismatched types</c>.</summary>
    public static string Line(Diagnostic diagnostic)
    {
        var location = diagnostic.Location switch
        {
            null => "",
            { Line: null } span => $"{span.File}: ",
            { Column: null } span => string.Create(CultureInfo.InvariantCulture, $"{span.File}:{span.Line}: "),
            var span => string.Create(CultureInfo.InvariantCulture, $"{span.File}:{span.Line}:{span.Column}: "),
        };
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        var code = diagnostic.Code is { } value ? $"[{value}]" : "";
        return $"{location}{severity}{code}: {diagnostic.Message}";
    }
}
