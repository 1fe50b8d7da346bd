using Nightshift.Files;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>Parses <c>rustc --error-format=json</c> output: one diagnostic object per line on stderr.</summary>
public sealed class RustcJsonParser : IDiagnosticParser
{
    public IReadOnlyList<Diagnostic> Parse(string output) =>
        [.. JsonLines.Objects(output).Select(RustcJson.Parse).OfType<Diagnostic>()];
}
