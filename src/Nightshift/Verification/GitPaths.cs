using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Verification;

/// <summary>
/// File names as a diff writes them. git puts names with unusual characters (a quote, a backslash, a
/// control character or, with core.quotePath, any non-ASCII byte) in C-style quotes with octal UTF-8
/// bytes, and ends a "---"/"+++" name that holds a space with a tab; diff -u ends it with a tab and a
/// timestamp. Paths come back relative to the repository root: the first component (git's a/ or b/)
/// is dropped, as <c>git apply -p1</c> does, except for a bare file name.
/// </summary>
internal static class GitPaths
{
    private const string DevNull = "/dev/null";

    /// <summary>The path on a "---" or "+++" line (after the marker); null for /dev/null.</summary>
    public static string? FromMarker(string text)
    {
        string path;
        if (text.StartsWith('"'))
        {
            path = Unquote(text[..(ClosingQuote(text) + 1)]);
        }
        else
        {
            var tab = text.IndexOf('\t', StringComparison.Ordinal);
            path = tab < 0 ? text : text[..tab];
        }

        return path == DevNull ? null : StripPrefix(path);
    }

    /// <summary>
    /// The two names of a "diff --git a/x b/x" line. Unquoted names with spaces are ambiguous there;
    /// git itself resolves them by assuming both are the same, which they are for every change that
    /// has no "rename"/"copy" or "---"/"+++" lines to name it better.
    /// </summary>
    public static (string? Old, string? New) FromGitHeader(string names)
    {
        string first, second;
        if (names.StartsWith('"'))
        {
            var end = ClosingQuote(names);
            first = Unquote(names[..(end + 1)]);
            second = Unquote(names[Math.Min(end + 2, names.Length)..]);
        }
        else if (names.EndsWith('"') && names.LastIndexOf(" \"", StringComparison.Ordinal) is var quote and >= 0)
        {
            first = names[..quote];
            second = Unquote(names[(quote + 1)..]);
        }
        else if (names.Length % 2 == 1 && names[names.Length / 2] == ' '
            && StripPrefix(names[..(names.Length / 2)]) == StripPrefix(names[(names.Length / 2 + 1)..]))
        {
            first = names[..(names.Length / 2)];
            second = names[(names.Length / 2 + 1)..];
        }
        else
        {
            var split = names.IndexOf(" b/", StringComparison.Ordinal) is var b and >= 0 ? b : names.IndexOf(' ', StringComparison.Ordinal);
            if (split < 0)
            {
                return (null, null);
            }

            first = names[..split];
            second = names[(split + 1)..];
        }

        return (StripPrefix(first), StripPrefix(second));
    }

    /// <summary>A name as git wrote it: quoted names lose their quotes and escapes, others stay as they are.</summary>
    public static string Unquote(string name) =>
        name.Length >= 2 && name[0] == '"' && name[^1] == '"' ? CEscapes.Unescape(name[1..^1]) : name;

    private static string StripPrefix(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>The index of the quote that closes the one at 0 (an escaped quote does not), or the last index.</summary>
    private static int ClosingQuote(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return text.Length - 1;
    }
}
