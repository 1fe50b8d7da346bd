namespace Nightshift.Diagnostics;

/// <summary>Turns one tool's captured output into diagnostics. Parsers are stateless and thread-safe.</summary>
public interface IDiagnosticParser
{
    /// <summary>
    /// Parses <paramref name="output"/> (stdout and stderr as captured, in any order the tool
    /// interleaves them). Lines that are not diagnostics are ignored, never an error.
    /// </summary>
    IReadOnlyList<Diagnostic> Parse(string output);
}
