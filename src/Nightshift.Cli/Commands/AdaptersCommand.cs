using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nightshift.Adapters.Peft;
using Nightshift.Adapters.Share;
using Nightshift.Attempts.Episodes;
using Nightshift.Cli.Rendering;

namespace Nightshift.Cli.Commands;

/// <summary>
/// <c>nightshift adapters</c>: LoRA adapters of many error families consolidated into one Share (shared basis plus
/// per-family coefficients, arXiv 2602.06043), expanded back per family, and grown one adapter at a time.
/// </summary>
internal static class AdaptersCommand
{
    public static Command Create(GlobalOptions globals, CliHost host) => new(
        "adapters",
        "LoRA adapters (PEFT folders) consolidated into one shared subspace per module, as Share (arXiv 2602.06043) does. " +
        "Example: nightshift adapters consolidate adapters/borrow adapters/traits --out share")
    {
        CreateConsolidate(globals, host),
        CreateExpand(globals, host),
        CreateAdd(globals, host),
    };

    private static Command CreateConsolidate(GlobalOptions globals, CliHost host)
    {
        var folders = new Argument<string[]>("DIR") { Description = "PEFT adapter folders, one per family (named after the folder)", Arity = ArgumentArity.OneOrMore };
        var output = FolderOption("--out", "The Share folder to write (share.json, basis.safetensors, families/)");
        var variance = new Option<double>("--variance")
        {
            Description = "The share of each module's stacked factors' variance the basis keeps, above 0 and at most 1",
            DefaultValueFactory = _ => SharedSubspace.DefaultVariance,
        };
        var command = new Command(
            "consolidate",
            "Read PEFT LoRA adapters (adapter_config.json + adapter_model.safetensors) of one base model and rank, and for each " +
            "adapted module keep the principal directions of the stacked lora_B and lora_A factors that explain --variance as the " +
            "shared basis, with each family's coefficients in it. Prints the basis sizes and the parameter counts. " +
            "Example: nightshift adapters consolidate adapters/borrow adapters/traits adapters/lifetimes --out share --variance 0.6")
        {
            folders, output, variance,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var target = host.ResolvePath(parseResult.GetValue(output)!);
            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, ShareManifest.FileName)))
            {
                throw new UsageException($"--out {target} is a folder with files in it and no {ShareManifest.FileName}; give a new or empty folder.");
            }

            var adapters = new List<LoraAdapter>();
            foreach (var folder in parseResult.GetValue(folders)!)
            {
                adapters.Add(await LoraAdapter.ReadAsync(host.ResolvePath(folder), cancellationToken));
            }

            var share = SharedSubspace.Consolidate(adapters, parseResult.GetValue(variance));
            await ShareFolder.WriteAsync(share, target, cancellationToken);
            await WriteAsync(host, parseResult, globals, ShareFolder.ManifestOf(share), AdaptersView.Text(ShareFolder.ManifestOf(share), target), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateExpand(GlobalOptions globals, CliHost host)
    {
        var shareFolder = new Argument<string>("SHARE_DIR") { Description = "A Share folder written by 'nightshift adapters consolidate'" };
        var family = new Option<string>("--family") { Description = "The family to rebuild (its adapter folder's name)", Required = true, HelpName = "NAME" };
        var output = FolderOption("--out", "The PEFT adapter folder to write");
        var command = new Command(
            "expand",
            "Rebuild one family's standard PEFT adapter folder from the shared basis and its coefficients (lora_B = β·ε_B, " +
            "lora_A = (α·ε_A)ᵀ, in the element type and with the adapter_config.json of the adapter it came from), for " +
            "Ollama (ADAPTER), llama.cpp (--lora, after convert_lora_to_gguf.py) or PEFT. " +
            "Example: nightshift adapters expand share --family borrow --out adapters/borrow-share")
        {
            shareFolder, family, output,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var share = await ShareFolder.ReadAsync(host.ResolvePath(parseResult.GetValue(shareFolder)!), cancellationToken);
            var adapter = share.Expand(parseResult.GetValue(family)!);
            var target = host.ResolvePath(parseResult.GetValue(output)!);
            await adapter.WriteAsync(target, cancellationToken);
            var json = JsonSerializer.Serialize(
                new ExpandedAdapter(adapter.Name, target, adapter.Modules.Count, adapter.Config.Rank, adapter.DType.ToString(), adapter.ParameterCount),
                LearnJson.Compact);
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote family {adapter.Name} to {target}: {adapter.Modules.Count} module(s), r={adapter.Config.Rank}, {adapter.DType}, {adapter.ParameterCount:N0} parameters");
            await host.Out.WriteLineAsync((parseResult.GetValue(globals.Json) ? json : text).AsMemory(), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateAdd(GlobalOptions globals, CliHost host)
    {
        var shareFolder = new Argument<string>("SHARE_DIR") { Description = "A Share folder written by 'nightshift adapters consolidate'" };
        var adapterFolder = new Argument<string>("ADAPTER_DIR") { Description = "The PEFT adapter folder of the new family (named after the folder)" };
        var command = new Command(
            "add",
            "Fold a new family's adapter into a Share as the paper's merge step does: rebuild every family from the basis, stack " +
            "the new adapter's factors with them, run the SVD again at the Share's variance and recompute every family's " +
            "coefficients. Rewrites SHARE_DIR and prints how the basis changed. " +
            "Example: nightshift adapters add share adapters/closures")
        {
            shareFolder, adapterFolder,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var target = host.ResolvePath(parseResult.GetValue(shareFolder)!);
            var share = await ShareFolder.ReadAsync(target, cancellationToken);
            var adapter = await LoraAdapter.ReadAsync(host.ResolvePath(parseResult.GetValue(adapterFolder)!), cancellationToken);
            var before = ShareFolder.ManifestOf(share);
            var grown = share.Add(adapter);
            await ShareFolder.WriteAsync(grown, target, cancellationToken);
            var after = ShareFolder.ManifestOf(grown);
            await WriteAsync(host, parseResult, globals, after, AdaptersView.Growth(before, after, adapter.Name) + AdaptersView.Text(after, target), cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> FolderOption(string name, string description) =>
        new(name) { Description = description, HelpName = "DIR", Required = true };

    private static Task WriteAsync(CliHost host, ParseResult parseResult, GlobalOptions globals, ShareManifest manifest, string text, CancellationToken cancellationToken) =>
        parseResult.GetValue(globals.Json)
            ? host.Out.WriteLineAsync(JsonSerializer.Serialize(manifest, LearnJson.Compact).AsMemory(), cancellationToken)
            : host.Out.WriteAsync(text.AsMemory(), cancellationToken);

    /// <summary>What <c>expand --json</c> prints.</summary>
    private sealed record ExpandedAdapter(string Family, string Folder, int Modules, int Rank, [property: JsonPropertyName("dtype")] string DType, long Parameters);
}
