using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Diagnostics;

/// <summary>Creates the parser for a configured format.</summary>
public static class DiagnosticParser
{
    /// <param name="format">The configured format.</param>
    /// <param name="pattern">The regular expression for <see cref="DiagnosticFormat.Regex"/>;
    /// ignored by the other formats.</param>
    /// <param name="tool">The tool name diagnostics of a regex format carry.</param>
    /// <exception cref="DiagnosticPatternException">The regex format has no pattern, or a bad one.</exception>
    public static IDiagnosticParser For(DiagnosticFormat format, string? pattern = null, string tool = RegexParser.DefaultTool) =>
        format switch
        {
            DiagnosticFormat.CargoJson => new CargoJsonParser(),
            DiagnosticFormat.RustcJson => new RustcJsonParser(),
            DiagnosticFormat.Rustc => new RustcParser(),
            DiagnosticFormat.MSBuild => new MSBuildParser(),
            DiagnosticFormat.Gcc => new GccParser(),
            DiagnosticFormat.Tsc => new TscParser(),
            DiagnosticFormat.Python => new PythonTracebackParser(),
            DiagnosticFormat.Pytest => new PytestParser(),
            DiagnosticFormat.Regex => new RegexParser(
                pattern ?? throw new DiagnosticPatternException(
                    "The regex diagnostic format needs a pattern: set `pattern:` to a regular expression with at least a (?<message>...) group."),
                tool),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown diagnostic format."),
        };
}
