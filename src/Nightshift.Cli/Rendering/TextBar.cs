namespace Nightshift.Cli.Rendering;

/// <summary>A bar drawn with block characters, so it survives redirection, NO_COLOR and a screen reader's text dump.</summary>
internal static class TextBar
{
    public const char Full = '█';
    public const char Empty = '░';

    /// <summary><paramref name="width"/> cells, the share <paramref name="fraction"/> (clamped to 0..1) of them full.</summary>
    public static string Render(double fraction, int width)
    {
        var full = double.IsNaN(fraction) ? 0 : (int)Math.Round(Math.Clamp(fraction, 0, 1) * width, MidpointRounding.AwayFromZero);
        return new string(Full, full) + new string(Empty, width - full);
    }

    /// <summary>Only the full part: a bar whose length is the value, for comparing several values side by side.</summary>
    public static string Solid(double fraction, int width)
    {
        var full = double.IsNaN(fraction) ? 0 : (int)Math.Round(Math.Clamp(fraction, 0, 1) * width, MidpointRounding.AwayFromZero);
        return new string(Full, full);
    }
}
