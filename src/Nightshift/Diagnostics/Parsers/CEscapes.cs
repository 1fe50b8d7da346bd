using System.Text;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>
/// Undoes the C string escapes of gcc's and clang's parseable fix-its: <c>\\</c>, <c>\"</c>,
/// <c>\n</c>, <c>\t</c>, <c>\r</c>, and octal <c>\ooo</c> for any other byte (so a UTF-8
/// character may arrive as several octal escapes).
/// </summary>
internal static class CEscapes
{
    public static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var escape = text.IndexOf('\\', i);
            if (escape < 0 || escape == text.Length - 1)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i..]));
                break;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(text[i..escape]));
            var next = text[escape + 1];
            var end = escape + 1;
            while (end < text.Length && end - escape <= 3 && text[end] is >= '0' and <= '7')
            {
                end++;
            }

            if (end > escape + 1)
            {
                bytes.Add((byte)Convert.ToInt32(text[(escape + 1)..end], 8));
                i = end;
                continue;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(next switch
            {
                'n' => "\n",
                't' => "\t",
                'r' => "\r",
                _ => next.ToString(),
            }));
            i = escape + 2;
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
