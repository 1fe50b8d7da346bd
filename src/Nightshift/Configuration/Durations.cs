using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Nightshift.Configuration;

/// <summary>
/// Durations as people write them in configuration: <c>500ms</c>, <c>90s</c>, <c>10m</c>, <c>8h</c>,
/// <c>1h30m</c>, <c>2d</c>. Units go from largest to smallest, each at most once, whole numbers only.
/// </summary>
public static partial class Durations
{
    public static IReadOnlyList<string> AcceptedForms { get; } = ["500ms", "90s", "10m", "8h", "1h30m", "2d"];

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        try
        {
            long milliseconds = 0;
            milliseconds = checked(milliseconds + (Part(match, "d") * 86_400_000));
            milliseconds = checked(milliseconds + (Part(match, "h") * 3_600_000));
            milliseconds = checked(milliseconds + (Part(match, "m") * 60_000));
            milliseconds = checked(milliseconds + (Part(match, "s") * 1_000));
            milliseconds = checked(milliseconds + Part(match, "ms"));
            value = TimeSpan.FromMilliseconds(milliseconds);
            return true;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public static TimeSpan Parse(string text) => TryParse(text, out var value)
        ? value
        : throw new FormatException($"'{text}' is not a duration. Accepted forms: {string.Join(", ", AcceptedForms)}.");

    /// <summary>The shortest text that <see cref="Parse"/> reads back as the same value (to the millisecond).</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Durations are never negative.");
        }

        var text = new StringBuilder();
        Append(text, value.Days, "d");
        Append(text, value.Hours, "h");
        Append(text, value.Minutes, "m");
        Append(text, value.Seconds, "s");
        Append(text, value.Milliseconds, "ms");
        return text.Length == 0 ? "0s" : text.ToString();
    }

    private static void Append(StringBuilder text, int amount, string unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static long Part(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    // "m" must not swallow the "m" of "ms", hence the lookahead.
    [GeneratedRegex(@"^(?:(?<d>\d{1,9})d)?(?:(?<h>\d{1,9})h)?(?:(?<m>\d{1,9})m(?!s))?(?:(?<s>\d{1,9})s)?(?:(?<ms>\d{1,9})ms)?$")]
    private static partial Regex Pattern();
}
