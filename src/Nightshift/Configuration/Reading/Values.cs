using System.Globalization;

namespace Nightshift.Configuration.Reading;

/// <summary>
/// Typed readers for one node. Each returns null when the node holds nothing (YAML null) or holds something
/// invalid; in the second case the problem has been recorded, so callers only apply defaults.
/// </summary>
internal static partial class Values
{
    private delegate bool TryParser<T>(string? text, out T value);

    public static string? Text(ConfigErrors errors, ConfigNode node, string path, string expected = "a string")
    {
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                return null;
            case ScalarNode scalar:
                return scalar.Value;
            default:
                errors.Add(node, path, $"expected {expected}, got {node.Kind}");
                return null;
        }
    }

    /// <summary>An integer of at least <paramref name="minimum"/> and, when <paramref name="maximum"/> is set, at most that (the error says <paramref name="whyMaximum"/>).</summary>
    public static int? Integer(
        ConfigErrors errors, ConfigNode node, string path, int minimum, int? maximum = null, string? whyMaximum = null)
    {
        if (Plain(errors, node, path, "an integer") is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(node, path, $"expected an integer, got '{text}'");
            return null;
        }

        if (value > maximum)
        {
            errors.Add(node, path, $"must be at most {maximum}, got {value}{(whyMaximum is null ? "" : $" ({whyMaximum})")}");
            return null;
        }

        return AtLeast(errors, node, path, value, minimum);
    }

    public static decimal? Number(ConfigErrors errors, ConfigNode node, string path, decimal minimum)
    {
        if (Plain(errors, node, path, "a number") is not { } text)
        {
            return null;
        }

        const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (!decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(node, path, $"expected a number such as 2.5, got '{text}'");
            return null;
        }

        return value < minimum ? Below(errors, node, path, minimum) : value;
    }

    public static bool? Boolean(ConfigErrors errors, ConfigNode node, string path)
    {
        var text = Plain(errors, node, path, "true or false");
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                errors.Add(node, path, $"expected true or false, got '{text}'", ["true", "false"]);
                return null;
        }
    }

    public static TimeSpan? Duration(ConfigErrors errors, ConfigNode node, string path)
    {
        if (Written<TimeSpan>(errors, node, path, "duration", Durations.TryParse, Durations.AcceptedForms) is not { } value)
        {
            return null;
        }

        if (value <= TimeSpan.Zero)
        {
            errors.Add(node, path, "must be longer than zero");
            return null;
        }

        return value;
    }

    public static long? ByteSize(ConfigErrors errors, ConfigNode node, string path) =>
        Written<long>(errors, node, path, "size", ByteSizes.TryParse, ByteSizes.AcceptedForms);

    // A value written with a unit (a duration, a size): a bare number is an error that says the unit is missing.
    private static T? Written<T>(ConfigErrors errors, ConfigNode node, string path, string noun, TryParser<T> tryParse, IReadOnlyList<string> forms)
        where T : struct
    {
        if (Text(errors, node, path, "a " + noun) is not { } text)
        {
            return null;
        }

        if (tryParse(text, out var value))
        {
            return value;
        }

        var hint = long.TryParse(text, CultureInfo.InvariantCulture, out _) ? $" (a {noun} needs a unit)" : "";
        errors.Add(node, path, $"'{text}' is not a {noun}{hint}", forms, "forms");
        return null;
    }

    public static T? Choice<T>(ConfigErrors errors, ConfigNode node, string path)
        where T : struct, Enum
    {
        if (Text(errors, node, path, "one of " + string.Join(", ", WireNames.All<T>())) is not { } text)
        {
            return null;
        }

        if (WireNames.TryParse<T>(text, out var value))
        {
            return value;
        }

        var accepted = WireNames.All<T>();
        errors.Add(node, path, $"'{text}' is not one of the accepted values", accepted, suggestion: Suggestions.Closest(text, accepted));
        return null;
    }

    /// <summary>A string where YAML's typing matters: <c>"30"</c> is text, not the number 30.</summary>
    private static string? Plain(ConfigErrors errors, ConfigNode node, string path, string expected)
    {
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { IsQuoted: false } scalar:
                return scalar.Value;
            default:
                var hint = node is ScalarNode ? " (remove the quotes)" : "";
                errors.Add(node, path, $"expected {expected}, got {node.Kind}{hint}");
                return null;
        }
    }

    private static int? AtLeast(ConfigErrors errors, ConfigNode node, string path, int value, int minimum)
    {
        if (value >= minimum)
        {
            return value;
        }

        errors.Add(node, path, $"must be at least {minimum}, got {value}");
        return null;
    }

    private static decimal? Below(ConfigErrors errors, ConfigNode node, string path, decimal minimum)
    {
        errors.Add(node, path, $"must be at least {minimum.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }
}
