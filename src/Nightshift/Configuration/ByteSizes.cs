using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Configuration;

/// <summary>
/// Sizes as people write them in configuration: <c>500MB</c>, <c>2GB</c>, <c>64KB</c>, <c>1TB</c>, <c>0</c>. Units are
/// powers of 1024 (a disk tool's GB), case does not matter, whole numbers only.
/// </summary>
public static partial class ByteSizes
{
    private static readonly (string Unit, long Bytes)[] _units = [("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1)];

    public static IReadOnlyList<string> AcceptedForms { get; } = ["500MB", "2GB", "64KB", "0"];

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value.ToUpperInvariant();
        if (unit.Length == 0 && number != 0)
        {
            return false;
        }

        try
        {
            bytes = checked(number * (unit.Length == 0 ? 1 : _units.Single(u => u.Unit == unit).Bytes));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The largest whole unit, e.g. <c>2GB</c>, <c>1536MB</c>; <see cref="TryParse"/> reads it back as the same value.</summary>
    public static string Format(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes == 0)
        {
            return "0";
        }

        var (unit, size) = _units.First(u => bytes % u.Bytes == 0);
        return string.Create(CultureInfo.InvariantCulture, $"{bytes / size}{unit}");
    }

    [GeneratedRegex(@"^(?<n>[0-9]+)\s*(?<unit>[KMGT]?B)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
