using System.Text;

namespace Nightshift.Reports;

/// <summary>
/// Makes journal text (cluster keys, agent names, verifier reasons, commit subjects) inert in Markdown: no
/// HTML, no links, no emphasis, and no pipe or line break that would tear a table row apart.
/// </summary>
internal static class MarkdownText
{
    // '<' opens HTML and autolinks, '[' links and images, '*' '~' '`' emphasis, strike and code, '|' cells.
    // Left alone: '>' and '#' (they only mean something at the start of a line, where journal text never
    // stands), and '_' (inside words CommonMark never reads it as emphasis; keys like needless_return abound).
    private const string Escaped = "\\`*[]<|~";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t')
            {
                builder.Append(' ');
            }
            else if (char.IsControl(c))
            {
                continue;
            }
            else
            {
                if (Escaped.Contains(c, StringComparison.Ordinal))
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
