using System.Text.Json;

namespace Nightshift.Diagnostics.Parsers;

/// <summary>The JSON objects among an output's lines; other lines (progress, a panic) are skipped.</summary>
internal static class JsonLines
{
    public static IEnumerable<JsonElement> Objects(string output)
    {
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith('{'))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                // A line cut by the output cap, or a program printing braces: not ours to read.
                continue;
            }

            using (document)
            {
                yield return document.RootElement.Clone();
            }
        }
    }
}
