using System.Globalization;

namespace Nightshift.Landing;

/// <summary>Subject lines that fit: the changed files named as fully as the room allows.</summary>
internal static class LandingSubjects
{
    /// <summary>
    /// The files of a change in at most <paramref name="room"/> characters: every path
    /// (<c>src/type_mapper.rs, src/expr_gen.rs</c>), else every file name, else the first ones and how many more
    /// (<c>src/type_mapper.rs and 4 more</c>).
    /// </summary>
    public static string OfPaths(IReadOnlyList<string> paths, int room)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            return "";
        }

        string[] names = [.. paths.Select(path => path[(path.LastIndexOf('/') + 1)..])];
        var candidates = new List<string> { string.Join(", ", paths) };
        if (names.Distinct(StringComparer.Ordinal).Count() == names.Length)
        {
            candidates.Add(string.Join(", ", names));
        }

        for (var shown = paths.Count - 1; shown >= 1; shown--)
        {
            var more = $" and {(paths.Count - shown).ToString(CultureInfo.InvariantCulture)} more";
            candidates.Add(string.Join(", ", paths.Take(shown)) + more);
            candidates.Add(string.Join(", ", names.Take(shown)) + more);
        }

        return candidates.FirstOrDefault(candidate => candidate.Length <= room)
            ?? Cut(paths.Count == 1 ? names[0] : $"{names[0]} and {(paths.Count - 1).ToString(CultureInfo.InvariantCulture)} more", room);
    }

    /// <summary><paramref name="text"/> cut to <paramref name="room"/> characters at a word when it can be, with an ellipsis.</summary>
    public static string Cut(string text, int room)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= room)
        {
            return text;
        }

        var end = Math.Max(room - 1, 1);
        var space = text.LastIndexOf(' ', end - 1, end);
        return text[..(space > end / 2 ? space : end)].TrimEnd(' ', ',', ';', ':', '.') + "…";
    }
}
