using System.Text.RegularExpressions;
using Nightshift.Adapters.SafeTensors;
using Nightshift.Files;

namespace Nightshift.Adapters.Peft;

/// <summary>
/// A PEFT LoRA adapter folder: <c>adapter_config.json</c> and <c>adapter_model.safetensors</c>, whose tensors are named
/// <c>base_model.model.&lt;module&gt;.lora_A.weight</c> and <c>….lora_B.weight</c>. Modules are keyed by the name before
/// <c>.lora_A</c> / <c>.lora_B</c>.
/// </summary>
/// <param name="Name">The folder's name: the family the adapter was trained for.</param>
/// <param name="Source">Where it was read from (a folder, or the Share folder it was expanded from), for messages.</param>
/// <param name="Config">Its adapter_config.json.</param>
/// <param name="DType">The element type its factors were stored in (an expansion writes the same).</param>
/// <param name="Modules">The factors of each adapted module.</param>
public sealed partial record LoraAdapter(string Name, string Source, LoraConfig Config, TensorDType DType, IReadOnlyDictionary<string, LoraModule> Modules)
{
    public const string WeightsFileName = "adapter_model.safetensors";

    public long ParameterCount => Modules.Values.Sum(m => m.ParameterCount);

    /// <summary>The family a folder stands for: its name.</summary>
    public static string FamilyOf(string folder) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));

    /// <exception cref="AdapterException">A file is missing or corrupt, or a tensor is not a LoRA factor of rank r; the message names the file.</exception>
    public static async Task<LoraAdapter> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new AdapterException($"{full}: no such folder. Give a PEFT adapter folder ({LoraConfig.FileName} and {WeightsFileName}).");
        }

        var config = await LoraConfig.ReadAsync(Path.Combine(full, LoraConfig.FileName), cancellationToken).ConfigureAwait(false);
        var weights = Path.Combine(full, WeightsFileName);
        if (!File.Exists(weights))
        {
            throw new AdapterException(File.Exists(Path.Combine(full, "adapter_model.bin"))
                ? $"{weights}: no such file; {full} holds adapter_model.bin (a pickle). Save the adapter with safe_serialization=True."
                : $"{weights}: no such file. A PEFT adapter folder holds {LoraConfig.FileName} and {WeightsFileName}.");
        }

        var file = await SafeTensorsFile.ReadAsync(weights, cancellationToken).ConfigureAwait(false);
        return new LoraAdapter(FamilyOf(full), full, config, DTypeOf(file), ModulesOf(file, config.Rank, weights));
    }

    /// <summary>Writes a standard PEFT folder, the factors in <see cref="DType"/>.</summary>
    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var tensors = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        foreach (var (name, module) in Modules)
        {
            tensors[$"{name}.lora_A.weight"] = SafeTensor.FromMatrix(module.A, DType);
            tensors[$"{name}.lora_B.weight"] = SafeTensor.FromMatrix(module.B, DType);
        }

        await new SafeTensorsFile(tensors, new Dictionary<string, string> { ["format"] = "pt" })
            .WriteAsync(Path.Combine(folder, WeightsFileName), cancellationToken).ConfigureAwait(false);
        AtomicFile.WriteAllText(Path.Combine(folder, LoraConfig.FileName), Config.Json);
    }

    private static TensorDType DTypeOf(SafeTensorsFile file) =>
        file.Tensors.Values.Select(t => t.DType).Distinct().Count() == 1 ? file.Tensors.Values.First().DType : TensorDType.F32;

    private static Dictionary<string, LoraModule> ModulesOf(SafeTensorsFile file, int rank, string path)
    {
        var factors = new Dictionary<string, Dictionary<char, SafeTensor>>(StringComparer.Ordinal);
        foreach (var (key, tensor) in file.Tensors)
        {
            var match = FactorKey().Match(key);
            if (!match.Success)
            {
                throw new AdapterException(
                    $"{path}: tensor '{key}' is not a LoRA factor (<module>.lora_A.weight or <module>.lora_B.weight); " +
                    "adapters with modules_to_save or embedding LoRA cannot be consolidated.");
            }

            if (tensor.Shape.Count != 2)
            {
                throw new AdapterException($"{path}: tensor '{key}' has shape [{string.Join(", ", tensor.Shape)}], not a matrix.");
            }

            var module = match.Groups["module"].Value;
            (factors.TryGetValue(module, out var pair) ? pair : factors[module] = [])[match.Groups["factor"].Value[0]] = tensor;
        }

        if (factors.Count == 0)
        {
            throw new AdapterException($"{path}: holds no LoRA factors.");
        }

        var modules = new Dictionary<string, LoraModule>(StringComparer.Ordinal);
        foreach (var (name, pair) in factors.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!pair.TryGetValue('A', out var a) || !pair.TryGetValue('B', out var b))
            {
                throw new AdapterException($"{path}: module '{name}' has only lora_{pair.Keys.Single()}; LoRA needs both factors.");
            }

            if (a.Shape[0] != rank || b.Shape[1] != rank)
            {
                throw new AdapterException(
                    $"{path}: module '{name}' has lora_A [{string.Join(", ", a.Shape)}] and lora_B [{string.Join(", ", b.Shape)}], " +
                    $"which do not have rank {rank} as its {LoraConfig.FileName} says.");
            }

            modules[name] = new LoraModule(a.ToMatrix(), b.ToMatrix());
        }

        return modules;
    }

    [GeneratedRegex(@"^(?<module>.+)\.lora_(?<factor>[AB])\.weight$")]
    private static partial Regex FactorKey();
}
