using Nightshift.Diagnostics;

namespace Nightshift.Attempts.Episodes;

/// <summary>
/// A diagnostic as an episode keeps it: what a model should read (the rendered message) and what metrics
/// group by (tool, code, severity). Suggestions and related spans stay out; they are the compiler's
/// business on the next run, not training data.
/// </summary>
public sealed record EpisodeDiagnostic(
    string Tool,
    Severity Severity,
    string? Code,
    string Message,
    string? File,
    int? Line,
    int? Column,
    string? Rendered)
{
    public bool IsError => Severity == Severity.Error;

    public static EpisodeDiagnostic From(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new(
            diagnostic.Tool,
            diagnostic.Severity,
            diagnostic.Code,
            diagnostic.Message,
            diagnostic.Location?.File,
            diagnostic.Location?.Line,
            diagnostic.Location?.Column,
            diagnostic.Rendered);
    }

    public static IReadOnlyList<EpisodeDiagnostic> From(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Select(From)];
}
