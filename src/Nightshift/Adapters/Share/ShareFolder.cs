using System.Text.Json;
using Nightshift.Adapters.Peft;
using Nightshift.Adapters.SafeTensors;
using Nightshift.Attempts.Episodes;
using Nightshift.Files;

namespace Nightshift.Adapters.Share;

/// <summary>
/// A Share on disk: <c>share.json</c> (<see cref="ShareManifest"/>), <c>basis.safetensors</c> (β and α of every module, F32,
/// as <c>&lt;module&gt;.lora_B.basis</c> and <c>&lt;module&gt;.lora_A.basis</c>) and, per family, <c>families/&lt;name&gt;/</c>
/// with <c>coefficients.safetensors</c> (<c>&lt;module&gt;.lora_B.coefficients</c>, <c>….lora_A.coefficients</c>) and the
/// family's own <c>adapter_config.json</c>. The manifest is written last, so a folder with one is complete.
/// </summary>
public static class ShareFolder
{
    public const string BasisFileName = "basis.safetensors";
    public const string CoefficientsFileName = "coefficients.safetensors";
    public const string FamiliesFolder = "families";

    public static ShareManifest ManifestOf(SharedSubspace share)
    {
        ArgumentNullException.ThrowIfNull(share);
        var parameters = share.Parameters;
        return new ShareManifest(
            ShareManifest.CurrentFormat,
            ShareManifest.PaperMethod,
            share.Variance,
            share.Rank,
            [.. share.Modules.Select(m => new ShareManifestModule(
                m.Key, m.Value.Out, m.Value.In, m.Value.B.ColumnCount, m.Value.A.ColumnCount, m.Value.ExplainedB, m.Value.ExplainedA))],
            [.. share.Families.Select(f => new ShareManifestFamily(f.Name, f.Source, f.DType.WireName(), f.Config.Alpha, f.ParameterCount))],
            new ShareManifestParameters(parameters.Adapters, parameters.Basis, parameters.Coefficients, parameters.Share, parameters.Reduction));
    }

    public static async Task WriteAsync(SharedSubspace share, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        Directory.CreateDirectory(folder);
        var basis = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        foreach (var (name, module) in share.Modules)
        {
            basis[$"{name}.lora_B.basis"] = SafeTensor.FromMatrix(module.B, TensorDType.F32);
            basis[$"{name}.lora_A.basis"] = SafeTensor.FromMatrix(module.A, TensorDType.F32);
        }

        foreach (var family in share.Families)
        {
            var coefficients = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
            foreach (var (name, c) in family.Coefficients)
            {
                coefficients[$"{name}.lora_B.coefficients"] = SafeTensor.FromMatrix(c.B, TensorDType.F32);
                coefficients[$"{name}.lora_A.coefficients"] = SafeTensor.FromMatrix(c.A, TensorDType.F32);
            }

            var familyFolder = Path.Combine(folder, FamiliesFolder, family.Name);
            Directory.CreateDirectory(familyFolder);
            await new SafeTensorsFile(coefficients).WriteAsync(Path.Combine(familyFolder, CoefficientsFileName), cancellationToken).ConfigureAwait(false);
            AtomicFile.WriteAllText(Path.Combine(familyFolder, LoraConfig.FileName), family.Config.Json);
        }

        await new SafeTensorsFile(basis).WriteAsync(Path.Combine(folder, BasisFileName), cancellationToken).ConfigureAwait(false);
        AtomicFile.WriteAllText(
            Path.Combine(folder, ShareManifest.FileName), JsonSerializer.Serialize(ManifestOf(share), LearnJson.Indented) + "\n");
        RemoveStaleFamilies(share, folder);
    }

    /// <exception cref="AdapterException">The folder is not a Share, or a file of it is missing or corrupt; the message names it.</exception>
    public static async Task<SharedSubspace> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(folder);
        var manifest = await ReadManifestAsync(Path.Combine(full, ShareManifest.FileName), cancellationToken).ConfigureAwait(false);
        var basisPath = Path.Combine(full, BasisFileName);
        var basis = await SafeTensorsFile.ReadAsync(basisPath, cancellationToken).ConfigureAwait(false);
        var modules = manifest.Modules.ToDictionary(
            m => m.Name,
            m => new SharedBasis(
                Tensor(basis, $"{m.Name}.lora_B.basis", basisPath).ToMatrix(),
                Tensor(basis, $"{m.Name}.lora_A.basis", basisPath).ToMatrix(),
                m.ExplainedB,
                m.ExplainedA),
            StringComparer.Ordinal);

        var families = new List<ShareFamily>();
        foreach (var family in manifest.Families)
        {
            if (family.Name is null || SafeFileName.From(family.Name) != family.Name)
            {
                throw new AdapterException($"{Path.Combine(full, ShareManifest.FileName)}: family name '{family.Name}' is not a plain file name.");
            }

            var familyFolder = Path.Combine(full, FamiliesFolder, family.Name);
            var config = await LoraConfig.ReadAsync(Path.Combine(familyFolder, LoraConfig.FileName), cancellationToken).ConfigureAwait(false);
            var coefficientsPath = Path.Combine(familyFolder, CoefficientsFileName);
            var coefficients = await SafeTensorsFile.ReadAsync(coefficientsPath, cancellationToken).ConfigureAwait(false);
            var dtype = TensorDTypes.Parse(family.DType)
                ?? throw new AdapterException($"{Path.Combine(full, ShareManifest.FileName)}: family '{family.Name}' has dtype {family.DType}, which is not F64, F32, F16 or BF16.");
            families.Add(new ShareFamily(family.Name, family.Source, config, dtype, manifest.Modules.ToDictionary(
                m => m.Name,
                m => new FamilyCoefficients(
                    Tensor(coefficients, $"{m.Name}.lora_B.coefficients", coefficientsPath).ToMatrix(),
                    Tensor(coefficients, $"{m.Name}.lora_A.coefficients", coefficientsPath).ToMatrix()),
                StringComparer.Ordinal)));
        }

        return new SharedSubspace(manifest.Variance, manifest.Rank, modules, families);
    }

    // A Share consolidated again into the same folder with fewer families leaves their folders behind; only folders
    // that hold nothing but what this class writes are removed.
    private static void RemoveStaleFamilies(SharedSubspace share, string folder)
    {
        var families = Path.Combine(folder, FamiliesFolder);
        foreach (var stale in Directory.EnumerateDirectories(families).Where(d => share.Families.All(f => f.Name != Path.GetFileName(d))))
        {
            var files = Directory.EnumerateFileSystemEntries(stale).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            if (files.SequenceEqual([LoraConfig.FileName, CoefficientsFileName], StringComparer.Ordinal))
            {
                Directory.Delete(stale, recursive: true);
            }
        }
    }

    private static async Task<ShareManifest> ReadManifestAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new AdapterException($"{path}: no such file; a Share folder is what 'nightshift adapters consolidate' wrote.");
        }

        ShareManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ShareManifest>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), LearnJson.Compact);
        }
        catch (JsonException e)
        {
            throw new AdapterException($"{path} is not a Share manifest: {e.Message}", e);
        }

        return manifest is { Format: ShareManifest.CurrentFormat, Modules: not null, Families: not null }
            ? manifest
            : throw new AdapterException($"{path} is not a Share manifest of format {ShareManifest.CurrentFormat}.");
    }

    private static SafeTensor Tensor(SafeTensorsFile file, string name, string path) =>
        file.Tensors.TryGetValue(name, out var tensor) && tensor.Shape.Count == 2
            ? tensor
            : throw new AdapterException($"{path}: has no matrix '{name}', which {ShareManifest.FileName} lists.");
}
