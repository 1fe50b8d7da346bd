using System.Text;
using System.Text.RegularExpressions;

namespace Nightshift.Verification;

/// <summary>
/// A path glob over repository-relative paths with '/' separators, matched case-sensitively:
/// <c>*</c> is any run of characters within one segment (dot files included), <c>?</c> one such
/// character, <c>**</c> as a whole segment any number of directories (none included), <c>[abc]</c>,
/// <c>[a-z]</c> and <c>[!abc]</c> one character of (or not of) a set, <c>{src,lib}</c> either text.
/// A leading "/" or "./" is ignored. A glob also matches everything under what it matches, so
/// <c>vendor</c> and <c>vendor/</c> protect the whole folder as <c>vendor/**</c> does.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        _regex = new Regex(
            "^" + Translate(Normalize(pattern)) + "(?:/.*)?$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline,
            TimeSpan.FromSeconds(1));
    }

    /// <summary>The glob as written.</summary>
    public string Pattern { get; }

    /// <summary>Whether <paramref name="path"/> (relative, '/'-separated; a leading "./" is ignored) matches.</summary>
    public bool IsMatch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _regex.IsMatch(Normalize(path));
    }

    public override string ToString() => Pattern;

    private static string Normalize(string path)
    {
        path = path.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path.TrimStart('/').TrimEnd('/');
    }

    private static string Translate(string glob)
    {
        var regex = new StringBuilder();
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when At(glob, i, "**/") && (i == 0 || glob[i - 1] == '/'):
                    regex.Append("(?:[^/]*/)*");
                    i += 2;
                    break;
                case '*' when At(glob, i, "**") && i + 2 == glob.Length && (i == 0 || glob[i - 1] == '/'):
                    regex.Append(".*");
                    i++;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' when glob.IndexOf(']', i + 2) is var close and > 0:
                    regex.Append(CharacterClass(glob[(i + 1)..close]));
                    i = close;
                    break;
                case '{':
                    regex.Append("(?:");
                    braces++;
                    break;
                case ',' when braces > 0:
                    regex.Append('|');
                    break;
                case '}' when braces > 0:
                    regex.Append(')');
                    braces--;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (braces > 0)
        {
            throw new ArgumentException($"The glob '{glob}' opens a '{{' it never closes.", nameof(glob));
        }

        return regex.ToString();
    }

    private static bool At(string text, int index, string part) =>
        string.CompareOrdinal(text, index, part, 0, part.Length) == 0;

    private static string CharacterClass(string set)
    {
        var negated = set[0] is '!' or '^';
        // Escape keeps '-' (a range) and ']' as they are, and disarms '\', '^' and '['.
        var body = Regex.Escape(negated ? set[1..] : set);
        return negated ? $"[^/{body}]" : $"[{body}]";
    }
}
