using System.Text.RegularExpressions;

namespace Nightshift.Clustering;

/// <summary>
/// Reduces a message to its template, so that diagnostics without a code cluster by what they
/// say rather than by the names in them: "unused variable: `count`" and "unused variable:
/// `total`" are both "unused variable: `{id}`".
/// </summary>
public static partial class MessageTemplate
{
    /// <summary>
    /// Backticked names become <c>`{id}`</c> and backticked types (<c>`Vec&lt;i32&gt;`</c>,
    /// <c>`&amp;str`</c>) <c>`{type}`</c>; anything quoted ('x', "x", ‘x’, “x”) becomes
    /// <c>'{}'</c>; paths become <c>{path}</c> and numbers <c>{n}</c>; runs of whitespace one
    /// space. Codes and identifiers with digits in them (E0308, i32, utf8) stay as they are.
    /// </summary>
    public static string Normalize(string message)
    {
        var template = Backticked().Replace(message, m => TypeLike().IsMatch(m.Groups[1].Value) ? "`{type}`" : "`{id}`");
        template = Quoted().Replace(template, "'{}'");
        template = PathLike().Replace(template, m => IsPath(m.Value) ? "{path}" : m.Value);
        template = Number().Replace(template, "{n}");
        return Whitespace().Replace(template, " ").Trim();
    }

    // A token with a separator is a path when it is rooted (/x, ./x, C:\x) or ends in a file
    // name with an extension (src/lib.rs); "and/or" is not.
    private static bool IsPath(string token) =>
        token.StartsWith('/') || token.StartsWith("./", StringComparison.Ordinal) || token.StartsWith("../", StringComparison.Ordinal)
        || (token.Length > 2 && token[1] == ':')
        || Path.GetFileName(token.Replace('\\', '/')).Contains('.', StringComparison.Ordinal);

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"[<>\[\]&*(),;:\s]|^(?:dyn|impl) ")]
    private static partial Regex TypeLike();

    // An apostrophe inside a word (doesn't) opens no quote.
    [GeneratedRegex(@"(?<!\w)'[^'\n]*'(?!\w)|""[^""\n]*""|‘[^’\n]*’|“[^”\n]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<![\w{])(?:[A-Za-z]:[\\/]|\.{1,2}/|/)?(?:[\w.@+-]+[\\/])+[\w.@+-]+")]
    private static partial Regex PathLike();

    [GeneratedRegex(@"(?<![\w.{])\d+(?:\.\d+)*(?!\w)")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
