using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Nightshift.Workloads.Learn.Koans;

public sealed partial class KoanSet
{
    private static readonly string[] _keys = ["id", "category", "difficulty", "split", "title"];

    private static List<Koan> ReadManifest(string text, string root, List<string> problems)
    {
        var koans = new List<Koan>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            problems.Add($"line {e.Start.Line}: {e.Message}");
            return koans;
        }

        if (stream.Documents.Count == 0
            || stream.Documents[0].RootNode is not YamlMappingNode top
            || !top.Children.TryGetValue(new YamlScalarNode("koans"), out var list)
            || list is not YamlSequenceNode entries)
        {
            problems.Add("expected a top-level 'koans:' list");
            return koans;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (ReadKoan(entry, root, problems) is { } koan)
            {
                if (seen.Add(koan.Id))
                {
                    koans.Add(koan);
                }
                else
                {
                    problems.Add($"line {entry.Start.Line}: the id '{koan.Id}' is used twice");
                }
            }
        }

        return koans;
    }

    private static Koan? ReadKoan(YamlNode entry, string root, List<string> problems)
    {
        var at = $"line {entry.Start.Line}";
        if (entry is not YamlMappingNode map)
        {
            problems.Add($"{at}: a koan is a mapping with {string.Join(", ", _keys)}");
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!_keys.Contains(name))
            {
                problems.Add($"{at}: unknown key '{name}' (expected {string.Join(", ", _keys)})");
            }
            else if (value is YamlScalarNode { Value: { Length: > 0 } scalar })
            {
                values[name] = scalar;
            }
        }

        var missing = _keys.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{at}: missing {string.Join(", ", missing)}");
            return null;
        }

        var count = problems.Count;
        var id = values["id"];
        var category = values["category"];
        if (!Name().IsMatch(id) || !Name().IsMatch(category))
        {
            problems.Add($"{at}: id and category are lower-case words joined by '-' ('{id}', '{category}')");
        }

        if (!int.TryParse(values["difficulty"], NumberStyles.None, CultureInfo.InvariantCulture, out var difficulty)
            || difficulty is < 1 or > 3)
        {
            problems.Add($"{at}: difficulty of '{id}' must be 1, 2 or 3, not '{values["difficulty"]}'");
        }

        KoanSplit? split = values["split"] switch
        {
            "train" => KoanSplit.Train,
            "eval" => KoanSplit.Eval,
            _ => null,
        };
        if (split is null)
        {
            problems.Add($"{at}: split of '{id}' must be train or eval, not '{values["split"]}'");
        }

        if (problems.Count > count)
        {
            return null;
        }

        var koan = new Koan(id, category, difficulty, split!.Value, values["title"], Path.Combine(root, category, id));
        foreach (var file in Koan.WorkspaceFiles.Append(Koan.SolutionFile))
        {
            if (!File.Exists(Path.Combine(koan.Directory, file)))
            {
                problems.Add($"{at}: koan '{id}' has no {category}/{id}/{file}");
            }
        }

        return koan;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Name();
}
