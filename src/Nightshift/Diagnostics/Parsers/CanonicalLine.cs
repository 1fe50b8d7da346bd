using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// One line in MSBuild's canonical format
/// (https://learn.microsoft.com/visualstudio/msbuild/msbuild-diagnostic-format-for-tasks):
/// <c>origin[(location)] : [subcategory] category code : text [project]</c>, where the origin
/// is a file or a tool name (CSC, MSBUILD) and the project suffix is the classic logger's.
/// </summary>
internal sealed partial record CanonicalLine(
    string? Origin,
    string? Location,
    Severity Severity,
    string? Code,
    string Text,
    string? Project)
{
    public static CanonicalLine? TryParse(string line)
    {
        var match = Canonical().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var origin = match.Groups["origin"].Value.Trim();
        return new CanonicalLine(
            origin.Length == 0 ? null : origin,
            match.Groups["location"].Success ? match.Groups["location"].Value : null,
            match.Groups["category"].Value.Equals("warning", StringComparison.OrdinalIgnoreCase) ? Severity.Warning : Severity.Error,
            match.Groups["code"].Success ? match.Groups["code"].Value : null,
            match.Groups["text"].Value.Trim(),
            match.Groups["project"].Success ? match.Groups["project"].Value : null);
    }

    public Diagnostic ToDiagnostic() => new(ToolOf(), Severity, Code, Text, Span());

    // The origin is a file only when a location follows it or it has an extension; "CSC" and
    // "MSBUILD" name the tool that spoke.
    private SourceSpan? Span()
    {
        if (Origin is null || (Location is null && !Path.HasExtension(Origin)))
        {
            return null;
        }

        var numbers = Location?.Split(',', '-').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray() ?? [];
        var ranged = Location?.Contains('-', StringComparison.Ordinal) == true;
        return numbers.Length switch
        {
            0 => new SourceSpan(Origin, null),
            1 => new SourceSpan(Origin, numbers[0]),
            // (line-line) or (line,col)
            2 => ranged ? new SourceSpan(Origin, numbers[0], EndLine: numbers[1]) : new SourceSpan(Origin, numbers[0], numbers[1]),
            // (line,col-col)
            3 => new SourceSpan(Origin, numbers[0], numbers[1], numbers[0], numbers[2]),
            _ => new SourceSpan(Origin, numbers[0], numbers[1], numbers[2], numbers[3]),
        };
    }

    private string ToolOf()
    {
        var code = Code ?? "";
        if (code.StartsWith("MSB", StringComparison.Ordinal) || code.StartsWith("NETSDK", StringComparison.Ordinal))
        {
            return "msbuild";
        }

        if (code.StartsWith("NU", StringComparison.Ordinal) && code.Length > 2 && char.IsAsciiDigit(code[2]))
        {
            return "nuget";
        }

        return Path.GetExtension(Origin ?? "").ToLowerInvariant() switch
        {
            ".cs" or ".razor" or ".cshtml" => "csc",
            ".fs" or ".fsi" or ".fsx" => "fsc",
            ".vb" => "vbc",
            _ when Origin is not null && Origin.Equals("CSC", StringComparison.OrdinalIgnoreCase) => "csc",
            _ when code.StartsWith("CS", StringComparison.Ordinal) => "csc",
            _ => "msbuild",
        };
    }

    [GeneratedRegex(
        @"^\s*(?:(?<origin>(?:[A-Za-z]:[\\/])?[^:""\[]*?)(?:\((?<location>\d+(?:[,-]\d+){0,3})\))?\s*:\s+(?:[^:""]*?\s+)??)?" +
        @"(?<category>error|warning)(?:\s+(?<code>[A-Za-z][A-Za-z0-9_]*?\d+))?\s*:\s*" +
        @"(?<text>.*?)(?:\s+\[(?<project>[^\[\]]*(?:proj|\.slnx?|\.sln)(?:::[^\[\]]*)?)\])?\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Canonical();
}
