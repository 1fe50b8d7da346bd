using System.Text.Json;

namespace Nightshift.Adapters.Peft;

/// <summary>
/// What Share needs from a PEFT <c>adapter_config.json</c>: the rank <c>r</c>, <c>lora_alpha</c> (ΔW = lora_alpha / r · B·A)
/// and <c>target_modules</c>. The file's text is kept as read, so that an expanded adapter carries its base model
/// and every other setting unchanged.
/// </summary>
public sealed record LoraConfig(int Rank, double Alpha, IReadOnlyList<string> TargetModules, string Json)
{
    public const string FileName = "adapter_config.json";

    /// <exception cref="AdapterException">The file is missing, not JSON, not a LoRA config, or lacks r or lora_alpha.</exception>
    public static async Task<LoraConfig> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new AdapterException($"{path}: no such file. A PEFT adapter folder holds {FileName} and {LoraAdapter.WeightsFileName}.");
        }

        return Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
    }

    public static LoraConfig Parse(string json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "it is not a JSON object");
            }

            if (root.TryGetProperty("peft_type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "LORA")
            {
                throw Invalid(path, $"peft_type is {type.GetString()}, and only LORA adapters are consolidated");
            }

            var rank = root.TryGetProperty("r", out var r) && r.TryGetInt32(out var value) && value > 0
                ? value
                : throw Invalid(path, "it has no positive integer 'r' (the LoRA rank)");
            var alpha = root.TryGetProperty("lora_alpha", out var a) && a.ValueKind == JsonValueKind.Number
                ? a.GetDouble()
                : throw Invalid(path, "it has no number 'lora_alpha'");
            return new LoraConfig(rank, alpha, TargetModulesOf(root), json);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"it is not JSON ({e.Message})");
        }
    }

    // target_modules is a list of names or, in PEFT, one regular expression.
    private static List<string> TargetModulesOf(JsonElement root) =>
        !root.TryGetProperty("target_modules", out var modules) ? []
        : modules.ValueKind == JsonValueKind.String ? [modules.GetString()!]
        : modules.ValueKind == JsonValueKind.Array ? [.. modules.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).Order(StringComparer.Ordinal)]
        : [];

    private static AdapterException Invalid(string path, string reason) => new($"{path} is not a PEFT LoRA config: {reason}.");
}
