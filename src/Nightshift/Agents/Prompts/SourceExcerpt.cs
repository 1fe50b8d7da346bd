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

        return Of(file, line, ContextLines);
    }

    /// <summary>At most <paramref name="limit"/> characters of the text, marked where it was cut.</summary>
    public static string Clip(string text, int limit) => text.Length <= limit ? text : text[..limit] + "\n… (cut)";

    /// <summary>Lines <paramref name="line"/> ± <paramref name="context"/> of <paramref name="file"/>, the line marked; null when it cannot be read.</summary>
    public static string? Of(string file, int line, int context)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var first = Math.Max(1, line - context);
        var last = line + context;
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

    /// <summary>The first <paramref name="lines"/> lines of <paramref name="file"/>, numbered, and how many more there are; null when it cannot be read.</summary>
    public static string? Head(string file, int lines)
    {
        string[] all;
        try
        {
            all = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var text = new StringBuilder();
        for (var i = 0; i < Math.Min(lines, all.Length); i++)
        {
            var shown = all[i].Length > MaxLineChars ? all[i][..MaxLineChars] + " …" : all[i];
            text.Append(CultureInfo.InvariantCulture, $" {i + 1,5} | {shown}\n");
        }

        if (all.Length > lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"       … {all.Length - lines} more lines\n");
        }

        return text.ToString();
    }
}
