using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Parses the TypeScript compiler's output, plain (<c>src/a.ts(3,7): error TS2322: …</c>) or
/// <c>--pretty</c> (<c>src/a.ts:3:7 - error TS2322: …</c>, coloured). Indented lines right under
/// a header elaborate it ("Types of parameters … are incompatible") and become children; the
/// pretty format's related locations ("'item' is declared here") become related spans, in the
/// layout of tsc 5 (label under the snippet) and of tsc 7 (label on the location line).
/// </summary>
public sealed partial class TscParser : IDiagnosticParser
{
    public const string Tool = "tsc";

    public IReadOnlyList<Diagnostic> Parse(string output)
    {
        var diagnostics = new List<Diagnostic>();
        Builder? current = null;
        var inHeader = false;
        foreach (var line in OutputText.Lines(output))
        {
            if (HeaderOf(line) is { } header)
            {
                current?.AddTo(diagnostics);
                current = new Builder(header, line);
                inHeader = true;
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (line.Length == 0 || !(char.IsWhiteSpace(line[0]) || SnippetLine().IsMatch(line)))
            {
                inHeader = false;
                if (line.Length > 0)
                {
                    // "Found 3 errors…" or anything else unindented ends the diagnostic.
                    current.AddTo(diagnostics);
                    current = null;
                }

                continue;
            }

            current.Lines.Add(line);
            if (inHeader)
            {
                current.Children.Add(line.Trim());
            }
            else if (RelatedLocation().Match(line) is { Success: true } related)
            {
                current.StartRelated(related);
            }
            else if (!SnippetLine().IsMatch(line))
            {
                current.LabelRelated(line.Trim());
            }
        }

        current?.AddTo(diagnostics);
        return diagnostics;
    }

    private static Match? HeaderOf(string line) =>
        new[] { PlainHeader(), PrettyHeader(), GlobalHeader() }.Select(r => r.Match(line)).FirstOrDefault(m => m.Success);

    [GeneratedRegex(@"^(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|message) (?<code>TS\d+): (?<message>.*)$")]
    private static partial Regex PlainHeader();

    [GeneratedRegex(@"^(?<file>\S[^:]*):(?<line>\d+):(?<column>\d+) - (?<severity>error|warning|message) (?<code>TS\d+): (?<message>.*)$")]
    private static partial Regex PrettyHeader();

    [GeneratedRegex(@"^(?<severity>error|warning|message) (?<code>TS\d+): (?<message>.*)$")]
    private static partial Regex GlobalHeader();

    [GeneratedRegex(@"^ {2}(?<file>\S[^:]*):(?<line>\d+):(?<column>\d+)(?: - (?<label>.*))?$")]
    private static partial Regex RelatedLocation();

    // The pretty format's snippets: "10     return x;" (unindented under a header, indented
    // under a related location) and the "~~~~" line beneath.
    [GeneratedRegex(@"^\s*(\d+ .*|\d+|[\s~]+)$")]
    private static partial Regex SnippetLine();

    private sealed class Builder(Match header, string firstLine)
    {
        private readonly List<SourceSpan> _related = [];

        public List<string> Lines { get; } = [firstLine];
        public List<string> Children { get; } = [];

        public void StartRelated(Match location) => _related.Add(new SourceSpan(
            location.Groups["file"].Value,
            int.Parse(location.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(location.Groups["column"].Value, CultureInfo.InvariantCulture),
            Label: location.Groups["label"].Success ? location.Groups["label"].Value : null));

        public void LabelRelated(string label)
        {
            if (_related.Count > 0 && _related[^1].Label is null)
            {
                _related[^1] = _related[^1] with { Label = label };
            }
        }

        public void AddTo(List<Diagnostic> diagnostics)
        {
            var location = header.Groups["file"].Success
                ? new SourceSpan(
                    header.Groups["file"].Value,
                    int.Parse(header.Groups["line"].Value, CultureInfo.InvariantCulture),
                    int.Parse(header.Groups["column"].Value, CultureInfo.InvariantCulture))
                : null;
            var severity = header.Groups["severity"].Value switch
            {
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                _ => Severity.Info,
            };
            diagnostics.Add(new Diagnostic(Tool, severity, header.Groups["code"].Value, header.Groups["message"].Value, location)
            {
                Related = _related,
                Children = Children,
                Rendered = string.Join('\n', Lines).TrimEnd(),
            });
        }
    }
}
