using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Parses rustc's human-readable output, directly or through cargo. A diagnostic is a header at
/// the start of a line (<c>error[E0308]: mismatched types</c>), its <c>--&gt;</c> location and
/// everything up to the next blank line; <c>note:</c>/<c>help:</c> headers inside that block are
/// its children. The human format carries no machine-readable edits, so <c>help:</c>
/// suggestions stay text and <see cref="Diagnostic.Suggestions"/> is empty: use
/// <see cref="DiagnosticFormat.CargoJson"/> to get them.
/// </summary>
public sealed partial class RustcParser : IDiagnosticParser
{
    public IReadOnlyList<Diagnostic> Parse(string output)
    {
        var diagnostics = new List<Diagnostic>();
        Block? block = null;
        var previousBlank = true;
        foreach (var line in OutputText.Lines(output))
        {
            var header = Header().Match(line);
            var startsDiagnostic = header.Success
                && (header.Groups["level"].Value is "error" or "warning" || block is null || previousBlank);
            if (startsDiagnostic)
            {
                Close(block, diagnostics);
                block = new Block(header);
            }
            else if (line.Length == 0)
            {
                Close(block, diagnostics);
                block = null;
            }
            else
            {
                block?.Add(line, header);
            }

            previousBlank = line.Length == 0;
        }

        Close(block, diagnostics);
        return LintCodes.Propagate(diagnostics);
    }

    private static void Close(Block? block, List<Diagnostic> diagnostics)
    {
        if (block?.ToDiagnostic() is { } diagnostic)
        {
            diagnostics.Add(diagnostic);
        }
    }

    [GeneratedRegex(@"^(?<level>error|warning|note|help)(?:\[(?<code>[^\]\s]+)\])?: (?<message>.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*(?<arrow>-->|:::) (?<file>.+):(?<line>\d+):(?<column>\d+)\s*$")]
    private static partial Regex Location();

    [GeneratedRegex(@"^\s*= (?<level>note|help): (?<message>.*)$")]
    private static partial Regex Attached();

    // Lines cargo and rustc print about the build rather than the code.
    [GeneratedRegex(@"^(aborting due to |could not compile `|build failed, waiting for other jobs|Some errors have detailed explanations|For more information about (this|an) error|\d+ warnings? emitted$|`[^`]+` \([^)]*\) generated \d+ warnings?|test failed, to rerun pass|doctest failed, to rerun pass|\d+ targets? failed:)")]
    private static partial Regex BuildSummary();

    private sealed class Block(Match header)
    {
        private readonly List<string> _lines = [header.Value];
        private readonly List<SourceSpan> _related = [];
        private readonly List<string> _children = [];
        private SourceSpan? _location;
        private string? _child;

        public void Add(string line, Match header)
        {
            _lines.Add(line);
            if (header.Success)
            {
                _child = header.Groups["message"].Value;
                _children.Add($"{header.Groups["level"].Value}: {_child}");
            }
            else if (Location().Match(line) is { Success: true } location)
            {
                var span = new SourceSpan(
                    location.Groups["file"].Value,
                    int.Parse(location.Groups["line"].Value, CultureInfo.InvariantCulture),
                    int.Parse(location.Groups["column"].Value, CultureInfo.InvariantCulture));
                if (_location is null && _child is null && location.Groups["arrow"].Value == "-->")
                {
                    _location = span;
                }
                else
                {
                    _related.Add(span with { Label = _child });
                }
            }
            else if (Attached().Match(line) is { Success: true } attached)
            {
                _children.Add($"{attached.Groups["level"].Value}: {attached.Groups["message"].Value}");
            }
        }

        public Diagnostic? ToDiagnostic()
        {
            var message = header.Groups["message"].Value;
            if (BuildSummary().IsMatch(message))
            {
                return null;
            }

            var severity = header.Groups["level"].Value switch
            {
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                "note" => Severity.Note,
                _ => Severity.Help,
            };
            var code = header.Groups["code"].Success ? header.Groups["code"].Value : LintCodes.FromNotes(_children);
            return new Diagnostic(RustcJson.Tool, severity, code, message, _location)
            {
                Related = _related,
                Children = _children,
                Rendered = string.Join('\n', _lines),
            };
        }
    }
}
