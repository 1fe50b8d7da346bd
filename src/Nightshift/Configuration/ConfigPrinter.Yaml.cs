using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Nightshift.Configuration;

public static partial class ConfigPrinter
{
    /// <summary>The effective configuration as YAML; unset optional values are left out.</summary>
    public static string ToYaml(NightshiftConfig config)
    {
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, bestIndent: 2, bestWidth: int.MaxValue);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, ToJson(config));
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(Emitter emitter, JsonNode node)
    {
        switch (node)
        {
            case JsonObject map:
                var entries = map.Where(e => e.Value is not null).ToArray();
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, entries.Length == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in entries)
                {
                    emitter.Emit(Scalar(key, quoteIfAmbiguous: true));
                    Emit(emitter, value!);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray list:
                // Argument lists and globs read best on one line: [cargo, check]; lists of lists get a line each.
                var flow = list.All(item => item is JsonValue);
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list)
                {
                    Emit(emitter, item!);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                emitter.Emit(Scalar(value.GetValue<string>(), quoteIfAmbiguous: true));
                break;
            default:
                // Numbers and booleans: their JSON text is also their YAML text.
                emitter.Emit(Scalar(node.ToJsonString(), quoteIfAmbiguous: false));
                break;
        }
    }

    private static Scalar Scalar(string value, bool quoteIfAmbiguous)
    {
        // Text that YAML would read as a number, boolean or null stays text for any other reader of the file.
        var style = quoteIfAmbiguous && Ambiguous().IsMatch(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        return new Scalar(AnchorName.Empty, TagName.Empty, value, style, isPlainImplicit: true, isQuotedImplicit: true);
    }

    [GeneratedRegex(@"^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|[-+]?(\d[\d_]*)?\.?\d*([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex Ambiguous();
}
