using System.Globalization;
using System.Net;

namespace Nightshift.Reports;

/// <summary>
/// Inline SVG for every HTML report (the night's, crash-watch's, learn's and the bench's), drawn by hand: a charting
/// library would mean script or a network fetch, and the report must be the whole file wherever it is opened.
/// The pieces every chart shares live here; each chart draws its own marks.
/// </summary>
public static class Svg
{
    public const string Close = "</svg>";

    /// <summary>The opening tag of a chart <paramref name="width"/> by <paramref name="height"/>, with its accessible title.</summary>
    public static string Open(double width, double height, string title) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\">"
        + $"<title>{WebUtility.HtmlEncode(title)}</title>\n";

    /// <summary>A y axis and an x axis meeting at the plot's bottom left corner, drawn with the CSS class <c>axis</c>.</summary>
    public static string Axes(double left, double top, double plotWidth, double plotHeight) =>
        $"<line class=\"axis\" x1=\"{N(left)}\" y1=\"{N(top)}\" x2=\"{N(left)}\" y2=\"{N(top + plotHeight)}\"/>"
        + $"<line class=\"axis\" x1=\"{N(left)}\" y1=\"{N(top + plotHeight)}\" x2=\"{N(left + plotWidth)}\" y2=\"{N(top + plotHeight)}\"/>\n";

    /// <summary>A coordinate or length as SVG takes it: invariant, at most one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
