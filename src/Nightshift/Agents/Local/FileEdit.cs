using System.Globalization;
using Nightshift.Diagnostics;

namespace Nightshift.Agents.Local;

/// <summary>A replacement in a worktree-relative file.</summary>
internal sealed record FileEdit(string File, Replacement Replacement)
{
    public string Key => string.Create(
        CultureInfo.InvariantCulture,
        $"{File}@{Replacement.ByteStart}-{Replacement.ByteEnd}@{Replacement.Span.Line}:{Replacement.Span.Column}-{Replacement.Span.EndLine}:{Replacement.Span.EndColumn}={Replacement.Text}");

    public Dictionary<string, object?> ToFields()
    {
        var span = Replacement.Span;
        return new Dictionary<string, object?>
        {
            ["file"] = File,
            ["line"] = span.Line,
            ["column"] = span.Column,
            ["end_line"] = span.EndLine,
            ["end_column"] = span.EndColumn,
            ["byte_start"] = Replacement.ByteStart,
            ["byte_end"] = Replacement.ByteEnd,
            ["text"] = Replacement.Text,
        };
    }
}
