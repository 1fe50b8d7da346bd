using MathNet.Numerics.LinearAlgebra;
using Nightshift.Adapters;
using Nightshift.Adapters.Peft;
using Nightshift.Adapters.SafeTensors;
using Nightshift.Adapters.Share;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Learn.Adapters;

public sealed class ShareSpecs
{
    // The noise is 1e-3 of entries of order 1, so an expansion is within this of the adapter's ΔW = B·A (Frobenius).
    private const double ReconstructionTolerance = 1e-2;

    // The largest principal angle between the recovered and the planted subspace: about 2.6°.
    private const double MinimumCosine = 0.999;

    private readonly SyntheticAdapters _synthetic = new(seed: 19);

    [Fact(Timeout = 30_000)]
    public async Task The_recovered_basis_spans_the_planted_subspace()
    {
        await Task.Yield();
        var share = SharedSubspace.Consolidate([_synthetic.InSubspace("borrow"), _synthetic.InSubspace("traits"), _synthetic.InSubspace("lifetimes")], 0.99);

        foreach (var (module, basis) in share.Modules)
        {
            basis.B.ColumnCount.Should().Be(SyntheticAdapters.Planted, "noise explains far less than 1% of the variance");
            basis.A.ColumnCount.Should().Be(SyntheticAdapters.Planted);
            PrincipalCosines(basis.B, _synthetic.U[module]).Min().Should().BeGreaterThan(MinimumCosine);
            PrincipalCosines(basis.A, _synthetic.V[module]).Min().Should().BeGreaterThan(MinimumCosine);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Expanding_each_family_reconstructs_its_delta_within_one_percent()
    {
        await Task.Yield();
        LoraAdapter[] adapters = [_synthetic.InSubspace("borrow"), _synthetic.InSubspace("traits"), _synthetic.InSubspace("lifetimes")];
        var share = SharedSubspace.Consolidate(adapters, 0.99);

        foreach (var adapter in adapters)
        {
            var expanded = share.Expand(adapter.Name);
            expanded.Config.Should().Be(adapter.Config);
            foreach (var (module, original) in adapter.Modules)
            {
                RelativeError(expanded.Modules[module].Delta, original.Delta).Should().BeLessThan(ReconstructionTolerance, $"{adapter.Name} {module}");
            }
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_low_variance_keeps_fewer_directions_and_reconstructs_worse()
    {
        await Task.Yield();
        LoraAdapter[] adapters = [_synthetic.InSubspace("borrow"), _synthetic.InSubspace("traits"), _synthetic.InSubspace("lifetimes")];

        var tight = SharedSubspace.Consolidate(adapters, 0.99);
        var loose = SharedSubspace.Consolidate(adapters, 0.3);

        loose.Modules.Values.Should().AllSatisfy(m => m.B.ColumnCount.Should().BeLessThan(SyntheticAdapters.Planted));
        loose.Modules.Values.Should().AllSatisfy(m => m.ExplainedB.Should().BeGreaterThanOrEqualTo(0.3));
        loose.Parameters.Share.Should().BeLessThan(tight.Parameters.Share);
        var module = SyntheticAdapters.ModuleNames[0];
        RelativeError(loose.Expand("borrow").Modules[module].Delta, adapters[0].Modules[module].Delta)
            .Should().BeGreaterThan(ReconstructionTolerance);
    }

    [Fact(Timeout = 30_000)]
    public async Task Adding_an_adapter_from_the_same_subspace_keeps_the_basis_and_one_from_a_new_direction_grows_it_by_one()
    {
        await Task.Yield();
        var share = SharedSubspace.Consolidate([_synthetic.InSubspace("borrow"), _synthetic.InSubspace("traits"), _synthetic.InSubspace("lifetimes")], 0.99);
        var same = _synthetic.InSubspace("moves");
        var other = _synthetic.InNewDirection("closures");

        var withSame = share.Add(same);
        var withOther = withSame.Add(other);

        BasisSize(withSame).Should().Be(BasisSize(share));
        foreach (var module in SyntheticAdapters.ModuleNames)
        {
            withOther.Modules[module].B.ColumnCount.Should().Be(SyntheticAdapters.Planted + 1);
            withOther.Modules[module].A.ColumnCount.Should().Be(SyntheticAdapters.Planted, "the new adapter's lora_A is in the planted subspace");
            RelativeError(withOther.Expand("closures").Modules[module].Delta, other.Modules[module].Delta).Should().BeLessThan(ReconstructionTolerance);
            RelativeError(withOther.Expand("moves").Modules[module].Delta, same.Modules[module].Delta).Should().BeLessThan(ReconstructionTolerance);
        }

        withOther.Families.Select(f => f.Name).Should().Equal("borrow", "traits", "lifetimes", "moves", "closures");
    }

    [Fact(Timeout = 30_000)]
    public async Task The_parameter_counts_are_those_of_the_adapter_files_and_the_share_files()
    {
        using var dir = new TempDir("share");
        LoraAdapter[] adapters = [_synthetic.InSubspace("borrow"), _synthetic.InSubspace("traits"), _synthetic.InSubspace("lifetimes")];
        long adapterElements = 0;
        foreach (var adapter in adapters)
        {
            var folder = await SyntheticAdapters.WriteAsync(adapter, dir["adapters"]);
            adapterElements += await ElementsAsync(Path.Combine(folder, LoraAdapter.WeightsFileName));
        }

        var share = SharedSubspace.Consolidate(adapters, 0.99);
        await ShareFolder.WriteAsync(share, dir["share"], CancellationToken.None);

        var basisElements = await ElementsAsync(dir["share/basis.safetensors"]);
        long coefficientElements = 0;
        foreach (var family in adapters)
        {
            coefficientElements += await ElementsAsync(dir[$"share/families/{family.Name}/coefficients.safetensors"]);
        }

        share.Parameters.Should().Be(new ShareParameters(adapterElements, basisElements, coefficientElements));
        share.Parameters.Reduction.Should().BeGreaterThan(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_share_written_and_read_back_expands_to_the_same_adapters()
    {
        using var dir = new TempDir("share");
        var share = SharedSubspace.Consolidate([_synthetic.InSubspace("borrow"), _synthetic.InSubspace("traits")], 0.99);

        await ShareFolder.WriteAsync(share, dir.Path, CancellationToken.None);
        var read = await ShareFolder.ReadAsync(dir.Path, CancellationToken.None);

        read.Variance.Should().Be(0.99);
        read.Families.Select(f => f.Name).Should().Equal("borrow", "traits");
        var module = SyntheticAdapters.ModuleNames[1];
        RelativeError(read.Expand("traits").Modules[module].Delta, share.Expand("traits").Modules[module].Delta).Should().BeLessThan(1e-6, "the basis is stored as F32");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_bf16_adapter_is_expanded_to_a_bf16_adapter_that_peft_key_names_find()
    {
        using var dir = new TempDir("share");
        var folder = await SyntheticAdapters.WriteAsync(_synthetic.InSubspace("borrow") with { DType = TensorDType.BF16 }, dir["adapters"]);
        var adapter = await LoraAdapter.ReadAsync(folder, CancellationToken.None);

        await SharedSubspace.Consolidate([adapter], 0.99).Expand("borrow").WriteAsync(dir["expanded"], CancellationToken.None);
        var written = await SafeTensorsFile.ReadAsync(dir["expanded/adapter_model.safetensors"], CancellationToken.None);

        adapter.DType.Should().Be(TensorDType.BF16);
        written.Tensors.Keys.Should().BeEquivalentTo(SyntheticAdapters.ModuleNames.SelectMany(m => new[] { $"{m}.lora_A.weight", $"{m}.lora_B.weight" }));
        written.Tensors.Values.Should().AllSatisfy(t => t.DType.Should().Be(TensorDType.BF16));
        var module = SyntheticAdapters.ModuleNames[0];
        var expanded = await LoraAdapter.ReadAsync(dir["expanded"], CancellationToken.None);
        // bfloat16 keeps 8 bits of mantissa: about 0.4% per element.
        RelativeError(expanded.Modules[module].Delta, adapter.Modules[module].Delta).Should().BeLessThan(ReconstructionTolerance);
    }

    [Fact(Timeout = 30_000)]
    public async Task Adapters_of_different_ranks_or_modules_are_refused_naming_the_folder()
    {
        await Task.Yield();
        var borrow = _synthetic.InSubspace("borrow");
        var lowRank = borrow with
        {
            Name = "traits",
            Source = "/adapters/traits",
            Config = SyntheticAdapters.Config(rank: 2),
            Modules = borrow.Modules.ToDictionary(m => m.Key, m => new LoraModule(m.Value.A.SubMatrix(0, 2, 0, SyntheticAdapters.In), m.Value.B.SubMatrix(0, SyntheticAdapters.Out, 0, 2))),
        };
        var fewerModules = borrow with { Name = "moves", Source = "/adapters/moves", Modules = borrow.Modules.Take(1).ToDictionary() };

        new Action(() => SharedSubspace.Consolidate([borrow, lowRank], 0.6)).Should().Throw<AdapterException>()
            .WithMessage("/adapters/traits: rank r=2*one rank*");
        new Action(() => SharedSubspace.Consolidate([borrow, fewerModules], 0.6)).Should().Throw<AdapterException>()
            .WithMessage("/adapters/moves: module '*v_proj' is adapted in only one*");
        new Action(() => SharedSubspace.Consolidate([borrow], 1.5)).Should().Throw<AdapterException>().WithMessage("*at most 1*");
    }

    private static double[] PrincipalCosines(Matrix<double> basis, Matrix<double> planted) =>
        [.. basis.TransposeThisAndMultiply(planted).Svd(computeVectors: false).S];

    private static double RelativeError(Matrix<double> actual, Matrix<double> expected) =>
        (actual - expected).FrobeniusNorm() / expected.FrobeniusNorm();

    private static int BasisSize(SharedSubspace share) => share.Modules.Values.Sum(m => m.B.ColumnCount + m.A.ColumnCount);

    private static async Task<long> ElementsAsync(string path) =>
        (await SafeTensorsFile.ReadAsync(path, CancellationToken.None)).Tensors.Values.Sum(t => t.ElementCount);
}
