using System.Text.RegularExpressions;

namespace Nightshift.Configuration.Reading;

internal static partial class Values
{
    public static Uri? HttpUrl(ConfigErrors errors, ConfigNode node, string path)
    {
        if (Text(errors, node, path, "a URL") is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        errors.Add(node, path, $"'{text}' is not an absolute http(s) URL", ["http://host:port/path", "https://host/path"], "forms");
        return null;
    }

    /// <summary>A regular expression that compiles and uses only the named groups in <paramref name="groups"/>.</summary>
    public static string? Pattern(ConfigErrors errors, ConfigNode node, string path, IReadOnlyList<string> groups, string requiredGroup)
    {
        if (Text(errors, node, path, "a regular expression") is not { } text)
        {
            return null;
        }

        Regex regex;
        try
        {
            regex = new Regex(text, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            errors.Add(node, path, $"not a valid regular expression: {e.Message}");
            return null;
        }

        var named = regex.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToArray();
        var unknown = named.Where(n => !groups.Contains(n)).ToArray();
        if (unknown.Length > 0)
        {
            errors.Add(node, path, $"unknown named group{(unknown.Length > 1 ? "s" : "")} {string.Join(", ", unknown.Select(n => $"(?<{n}>...)"))}",
                groups, "groups", Suggestions.Closest(unknown[0], groups));
            return null;
        }

        if (!named.Contains(requiredGroup))
        {
            errors.Add(node, path, $"the pattern needs a group named '{requiredGroup}', written (?<{requiredGroup}>...)", groups, "groups");
            return null;
        }

        return text;
    }

    /// <summary>The name of an environment variable, in the conventional upper case.</summary>
    public static string? VariableName(ConfigErrors errors, ConfigNode node, string path)
    {
        if (Text(errors, node, path, "the name of an environment variable") is not { } text)
        {
            return null;
        }

        if (UpperCaseVariable().IsMatch(text))
        {
            return text;
        }

        var problem = text.Length > 24 || (text.Contains('-', StringComparison.Ordinal) && text.Length > 16)
            ? "must be the NAME of an environment variable (such as OPENAI_API_KEY), never the key itself"
            : $"'{text}' is not an environment variable name: upper-case letters, digits and _, not starting with a digit (^[A-Z_][A-Z0-9_]*$)";
        errors.Add(node, path, problem);
        return null;
    }

    /// <summary>Checks the <c>{name}</c> placeholders of <paramref name="text"/> against the accepted ones.</summary>
    public static bool Placeholders(ConfigErrors errors, ConfigNode node, string path, string text, IReadOnlyList<string> accepted)
    {
        var unknown = Placeholder().Matches(text).Select(m => m.Value).Where(p => !accepted.Contains(p)).Distinct().ToArray();
        if (unknown.Length == 0)
        {
            return true;
        }

        errors.Add(node, path, $"unknown placeholder{(unknown.Length > 1 ? "s" : "")} {string.Join(", ", unknown)}",
            accepted, "placeholders", Suggestions.Closest(unknown[0], accepted));
        return false;
    }

    [GeneratedRegex("^[A-Z_][A-Z0-9_]*$")]
    public static partial Regex UpperCaseVariable();

    // Only {identifier}: JSON, shell ${VAR} expansions and find's {} stay untouched.
    [GeneratedRegex(@"(?<!\$)\{[A-Za-z_][A-Za-z0-9_]*(?::[^{}]*)?\}")]
    private static partial Regex Placeholder();
}
