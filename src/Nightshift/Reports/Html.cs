using System.Net;

namespace Nightshift.Reports;

/// <summary>
/// The HTML report's only way to put text into markup: every value is encoded, and every value sits in an
/// element whose <c>data-field</c> names it, so a test (or a script scraping reports) can find each figure.
/// </summary>
internal static class Html
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary><c>&lt;tag data-field="key" class="cls"&gt;text&lt;/tag&gt;</c>, all encoded.</summary>
    public static string Field(string tag, string key, string text, string? cls = null, string? extra = null) =>
        $"<{tag} data-field=\"{Encode(key)}\"{(cls is null ? "" : $" class=\"{Encode(cls)}\"")}{extra}>{Encode(text)}</{tag}>";

    /// <summary>A table cell holding one field.</summary>
    public static string Cell(string key, string text, string? cls = null) => Field("td", key, text, cls);

    /// <summary>An attribute (with its leading space) whose value is encoded.</summary>
    public static string Attribute(string name, string value) => $" {name}=\"{Encode(value)}\"";
}
