using System.Globalization;

namespace Nightshift.Tests.Dummy;

/// <summary>Parses mode arguments; a bad one is a bug in a test, so it fails loudly.</summary>
internal static class Arguments
{
    public static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static TimeSpan Seconds(string value) =>
        TimeSpan.FromSeconds(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
}
