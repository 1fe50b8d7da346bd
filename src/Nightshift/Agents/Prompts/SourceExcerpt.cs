using System.Globalization;
using System.Text;
using Nightshift.Agents.Tools;
using Nightshift.Diagnostics;

namespace Nightshift.Agents.Prompts;

/// <summary>The lines around a diagnostic, numbered, its own line marked: what a person looks at first.</summary>
internal static class SourceExcerpt
{
    private const int ContextLines = 3;
    private const int MaxLineChars = 200;

    /// <summary>The excerpt, or null when the file is not in the worktree or cannot be read.</summary>
    public static string? For(SourceSpan span, WorktreePaths paths)
    {
        if (span.Line is not { } line)
        {
            return null;
        }

        string file;
        try
        {
            var relative = Path.IsPathRooted(span.File) ? paths.Relative(span.File) : span.File;
            file = paths.Resolve(relative);
        }
        catch (ToolException)
        {
            return null;
        }

        if (!File.Exists(file))
        {
            return null;
        }

        var first = Math.Max(1, line - ContextLines);
        var last = line + ContextLines;
        var text = new StringBuilder();
        var number = 0;
        foreach (var content in File.ReadLines(file))
        {
            if (++number > last)
            {
                break;
            }

            if (number >= first)
            {
                var shown = content.Length > MaxLineChars ? content[..MaxLineChars] + " …" : content;
                text.Append(CultureInfo.InvariantCulture, $"{(number == line ? ">" : " ")}{number,5} | {shown}\n");
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
