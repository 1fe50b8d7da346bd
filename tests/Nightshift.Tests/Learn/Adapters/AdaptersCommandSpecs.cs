using System.Text.Json;
using Nightshift.Adapters.Peft;
using Nightshift.Adapters.Share;
using Nightshift.Attempts.Episodes;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Learn.Adapters;

public sealed class AdaptersCommandSpecs : IDisposable
{
    private readonly TempDir _dir = new("adapters");
    private readonly SyntheticAdapters _synthetic = new(seed: 7);

    [Fact(Timeout = 60_000)]
    public async Task Consolidate_expand_and_add_work_on_adapter_folders()
    {
        var borrow = _synthetic.InSubspace("borrow");
        foreach (var adapter in new[] { borrow, _synthetic.InSubspace("traits"), _synthetic.InSubspace("lifetimes"), _synthetic.InNewDirection("closures") })
        {
            await SyntheticAdapters.WriteAsync(adapter, _dir["adapters"]);
        }

        var consolidated = await CliRun.InProcessAsync(
            _dir.Path, ["adapters", "consolidate", "adapters/borrow", "adapters/traits", "adapters/lifetimes", "--out", "share", "--variance", "0.99", "--json"]);
        var expanded = await CliRun.InProcessAsync(_dir.Path, ["adapters", "expand", "share", "--family", "borrow", "--out", "out/borrow"]);
        var added = await CliRun.InProcessAsync(_dir.Path, ["adapters", "add", "share", "adapters/closures"]);

        consolidated.ExitCode.Should().Be(ExitCodes.Ok, consolidated.Err);
        var manifest = JsonSerializer.Deserialize<ShareManifest>(consolidated.Out, LearnJson.Compact)!;
        manifest.Families.Select(f => f.Name).Should().Equal("borrow", "traits", "lifetimes");
        manifest.Families[0].Source.Should().Be(_dir["adapters/borrow"]);
        manifest.Variance.Should().Be(0.99);
        manifest.Modules.Should().AllSatisfy(m => (m.BasisB, m.BasisA).Should().Be((SyntheticAdapters.Planted, SyntheticAdapters.Planted)));
        manifest.Parameters.Reduction.Should().BeGreaterThan(1);
        File.Exists(_dir["share/families/traits/coefficients.safetensors"]).Should().BeTrue();

        expanded.ExitCode.Should().Be(ExitCodes.Ok, expanded.Err);
        expanded.Out.Should().StartWith($"Wrote family borrow to {_dir["out/borrow"]}: 2 module(s), r=4, F32");
        var rebuilt = await LoraAdapter.ReadAsync(_dir["out/borrow"], CancellationToken.None);
        (await File.ReadAllTextAsync(_dir["out/borrow/adapter_config.json"])).Should().Be(await File.ReadAllTextAsync(_dir["adapters/borrow/adapter_config.json"]));
        foreach (var (module, original) in borrow.Modules)
        {
            ((rebuilt.Modules[module].Delta - original.Delta).FrobeniusNorm() / original.Delta.FrobeniusNorm()).Should().BeLessThan(1e-2);
        }

        added.ExitCode.Should().Be(ExitCodes.Ok, added.Err);
        added.Out.Should().StartWith("Added family closures: the basis has 14 direction(s) over all modules, +2 from 12")
            .And.Contain("families: borrow, traits, lifetimes, closures")
            .And.MatchRegex(@"parameters: [\d,]+ in the adapters, [\d,]+ in the Share \(basis [\d,]+ \+ coefficients [\d,]+\): \d+\.\d× fewer");
        (await ShareFolder.ReadAsync(_dir["share"], CancellationToken.None)).Families.Should().HaveCount(4);
    }

    [Fact(Timeout = 60_000)]
    public async Task Adapters_of_different_ranks_are_a_usage_error_that_names_the_folder()
    {
        var borrow = _synthetic.InSubspace("borrow");
        await SyntheticAdapters.WriteAsync(borrow, _dir["adapters"]);
        await SyntheticAdapters.WriteAsync(
            borrow with
            {
                Name = "traits",
                Config = SyntheticAdapters.Config(rank: 2),
                Modules = borrow.Modules.ToDictionary(m => m.Key, m => new LoraModule(m.Value.A.SubMatrix(0, 2, 0, SyntheticAdapters.In), m.Value.B.SubMatrix(0, SyntheticAdapters.Out, 0, 2))),
            },
            _dir["adapters"]);

        var result = await CliRun.InProcessAsync(_dir.Path, ["adapters", "consolidate", "adapters/borrow", "adapters/traits", "--out", "share"]);

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        result.Err.Should().Contain($"{_dir["adapters/traits"]}: rank r=2, where {_dir["adapters/borrow"]} has r=4");
        Directory.Exists(_dir["share"]).Should().BeFalse();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_adapter_file_or_an_unknown_family_is_a_usage_error()
    {
        await SyntheticAdapters.WriteAsync(_synthetic.InSubspace("borrow"), _dir["adapters"]);
        _dir.Write("adapters/empty/adapter_config.json", """{"r": 4, "lora_alpha": 8}""");

        var missing = await CliRun.InProcessAsync(_dir.Path, ["adapters", "consolidate", "adapters/borrow", "adapters/empty", "--out", "share"]);
        await CliRun.InProcessAsync(_dir.Path, ["adapters", "consolidate", "adapters/borrow", "--out", "share"]);
        var unknown = await CliRun.InProcessAsync(_dir.Path, ["adapters", "expand", "share", "--family", "traits", "--out", "out"]);

        missing.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        missing.Err.Should().Contain($"{_dir["adapters/empty/adapter_model.safetensors"]}: no such file");
        unknown.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        unknown.Err.Should().Contain("There is no family 'traits' in the Share; its families are borrow");
    }

    [Fact(Timeout = 60_000)]
    public async Task Consolidating_again_into_a_share_replaces_it_and_a_folder_of_other_files_is_refused()
    {
        await SyntheticAdapters.WriteAsync(_synthetic.InSubspace("borrow"), _dir["adapters"]);
        await SyntheticAdapters.WriteAsync(_synthetic.InSubspace("traits"), _dir["adapters"]);
        _dir.Write("notes/todo.txt", "keep me");

        await CliRun.InProcessAsync(_dir.Path, ["adapters", "consolidate", "adapters/borrow", "adapters/traits", "--out", "share"]);
        var again = await CliRun.InProcessAsync(_dir.Path, ["adapters", "consolidate", "adapters/traits", "--out", "share", "--json"]);
        var refused = await CliRun.InProcessAsync(_dir.Path, ["adapters", "consolidate", "adapters/traits", "--out", "notes"]);

        again.ExitCode.Should().Be(ExitCodes.Ok, again.Err);
        Directory.EnumerateDirectories(_dir["share/families"]).Select(Path.GetFileName).Should().Equal("traits");
        (await ShareFolder.ReadAsync(_dir["share"], CancellationToken.None)).Families.Select(f => f.Name).Should().Equal("traits");
        again.Out.Should().Contain("\"dtype\":\"F32\"");
        refused.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        refused.Err.Should().Contain($"--out {_dir["notes"]} is a folder with files in it and no share.json");
        File.Exists(_dir["notes/todo.txt"]).Should().BeTrue();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_corrupt_safetensors_header_ends_the_real_cli_with_exit_2_naming_the_file()
    {
        var folder = await SyntheticAdapters.WriteAsync(_synthetic.InSubspace("borrow"), _dir["adapters"]);
        var weights = Path.Combine(folder, LoraAdapter.WeightsFileName);
        var bytes = await File.ReadAllBytesAsync(weights);
        bytes[9] = (byte)'!';
        await File.WriteAllBytesAsync(weights, bytes);

        var result = await CliRun.SubprocessAsync(_dir.Path, ["adapters", "consolidate", "adapters/borrow", "--out", "share"]);

        result.ExitCode.Should().Be(ExitCodes.UsageOrConfig, result.Err);
        result.Err.Should().Contain($"nightshift: {weights} is not a valid safetensors file: its header is not JSON");
        result.Out.Should().BeEmpty();
    }

    public void Dispose() => _dir.Dispose();
}
