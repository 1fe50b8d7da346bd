using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Parses gcc's and clang's output: <c>file:line:col: error: message [-Wflag]</c> headers (the
/// -W flag, or a clang-tidy check, is the code), each followed by its source snippet.
/// <c>note:</c>s belong to the diagnostic before them (as related spans and children);
/// "In file included from" chains become related spans of the diagnostic they introduce; fix-it
/// hints become suggestions, exactly from <c>-fdiagnostics-parseable-fixits</c> lines when the
/// build prints them, otherwise read from the line under the caret (see <see cref="GccSnippet"/>).
/// </summary>
public sealed partial class GccParser : IDiagnosticParser
{
    public const string Tool = "gcc";

    public IReadOnlyList<Diagnostic> Parse(string output)
    {
        var diagnostics = new List<GccEntry>();
        var includes = new List<SourceSpan>();
        GccEntry? current = null;
        foreach (var line in OutputText.Lines(output))
        {
            if (IncludedFrom().Match(line) is { Success: true } include)
            {
                // Kept nearest first: gcc prints the chain that way, clang outermost first, one
                // "In file included from" line per level.
                var span = new SourceSpan(include.Groups["file"].Value, Number(include, "line"), Label: "included from here");
                includes.Insert(line.StartsWith("In file", StringComparison.Ordinal) ? 0 : includes.Count, span);
                current = null;
            }
            else if (Header().Match(line) is { Success: true } header)
            {
                var location = new SourceSpan(header.Groups["file"].Value, Number(header, "line"), Number(header, "column"));
                current = Start(header, line, location, diagnostics, includes);
            }
            else if (ToolHeader().Match(line) is { Success: true } toolHeader)
            {
                current = Start(toolHeader, line, null, diagnostics, includes);
            }
            else if (ParseableFixIt().Match(line) is { Success: true } fixIt)
            {
                current?.ParseableFixIts.Add(new Replacement(
                    new SourceSpan(CEscapes.Unescape(fixIt.Groups["file"].Value), Number(fixIt, "l1"), Number(fixIt, "c1"), Number(fixIt, "l2"), Number(fixIt, "c2")),
                    CEscapes.Unescape(fixIt.Groups["text"].Value)));
            }
            else if (current is not null && !Context().IsMatch(line))
            {
                current.Lines.Add(line);
            }
        }

        return [.. diagnostics.Select(d => d.ToDiagnostic(Tool))];
    }

    private static GccEntry Start(Match header, string line, SourceSpan? location, List<GccEntry> diagnostics, List<SourceSpan> includes)
    {
        var (message, code) = SplitCode(header.Groups["message"].Value);
        var severity = header.Groups["severity"].Value switch
        {
            "warning" => Severity.Warning,
            "note" => Severity.Note,
            "remark" => Severity.Info,
            _ => Severity.Error,
        };

        var entry = new GccEntry(line, message, location) { Severity = severity, Code = code };
        if (severity == Severity.Note && diagnostics.Count > 0)
        {
            diagnostics[^1].Notes.Add(entry);
            return entry;
        }

        entry.Includes.AddRange(includes);
        includes.Clear();
        diagnostics.Add(entry);
        return entry;
    }

    /// <summary>Takes a trailing "[-Wunused-variable]" (or "[-Werror,-Wparentheses]") off the message as its code.</summary>
    private static (string Message, string? Code) SplitCode(string message)
    {
        var match = TrailingFlag().Match(message);
        if (!match.Success)
        {
            return (message, null);
        }

        var flags = match.Groups["flags"].Value.Split(',');
        var flag = flags.FirstOrDefault(f => f != "-Werror") ?? flags[0];
        if (flag.StartsWith("-Werror=", StringComparison.Ordinal))
        {
            flag = "-W" + flag["-Werror=".Length..];
        }

        return (message[..match.Index], flag);
    }

    private static int? Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : null;

    // gcc: "In file included from a.h:2," then "                 from main.cpp:1:"; clang: one
    // "In file included from main.cpp:1:" line per level.
    [GeneratedRegex(@"^(?:In file included|\s+) from (?<file>.+?):(?<line>\d+)(?::\d+)?[,:]$")]
    private static partial Regex IncludedFrom();

    [GeneratedRegex(@"^(?<file>(?:[A-Za-z]:[\\/])?[^:\s][^:]*):(?<line>\d+):(?:(?<column>\d+):)? (?<severity>fatal error|error|warning|note|remark): (?<message>.*)$")]
    private static partial Regex Header();

    // A diagnostic about no file: "cc1plus: fatal error: x.cpp: No such file", "collect2: error: ld returned 1".
    [GeneratedRegex(@"^(?<tool>[\w.+/-]+): (?<severity>fatal error|error|warning): (?<message>.*)$")]
    private static partial Regex ToolHeader();

    [GeneratedRegex(@"^fix-it:""(?<file>(?:[^""\\]|\\.)*)"":\{(?<l1>\d+):(?<c1>\d+)-(?<l2>\d+):(?<c2>\d+)\}:""(?<text>(?:[^""\\]|\\.)*)""$")]
    private static partial Regex ParseableFixIt();

    // "main.cpp: In function 'int main()':", "At global scope:", "N errors generated.": about
    // where the compiler is, not what is wrong; never part of a snippet.
    [GeneratedRegex(@"^(\S.*: (In |At |In instantiation of|In member function|In constructor|In destructor).*:|\d+ (warnings?|errors?)( and \d+ errors?)? generated\.|compilation terminated\.)$")]
    private static partial Regex Context();

    [GeneratedRegex(@"\s\[(?<flags>(?:-W|-f|-pedantic|-Werror)[^\]\s]*(?:,[^\]\s]+)*|[a-z][\w.-]*-[\w.-]+(?:,[a-z][\w.-]*)*)\]$")]
    private static partial Regex TrailingFlag();
}
