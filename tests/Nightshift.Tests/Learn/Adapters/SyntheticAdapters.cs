using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Nightshift.Adapters.Peft;
using Nightshift.Adapters.SafeTensors;

namespace Nightshift.Tests.Learn.Adapters;

/// <summary>
/// LoRA adapters of two modules whose factors lie in a planted subspace (lora_B in span U, lora_Aᵀ in span V, each of
/// dimension <see cref="Planted"/>) plus Gaussian noise, written as real PEFT folders.
/// </summary>
internal sealed class SyntheticAdapters
{
    public const int Out = 24;
    public const int In = 20;
    public const int Rank = 4;
    public const int Planted = 3;
    public const double Noise = 1e-3;
    public static readonly string[] ModuleNames = ["base_model.model.model.layers.0.self_attn.q_proj", "base_model.model.model.layers.0.self_attn.v_proj"];

    private readonly Normal _normal;

    public SyntheticAdapters(int seed)
    {
        _normal = new Normal(0, 1, new Random(seed));
        U = ModuleNames.ToDictionary(m => m, _ => Orthonormal(Out, Planted));
        V = ModuleNames.ToDictionary(m => m, _ => Orthonormal(In, Planted));
    }

    /// <summary>The planted lora_B subspace of each module (Out × Planted, orthonormal).</summary>
    public IReadOnlyDictionary<string, Matrix<double>> U { get; }

    /// <summary>The planted lora_Aᵀ subspace of each module (In × Planted, orthonormal).</summary>
    public IReadOnlyDictionary<string, Matrix<double>> V { get; }

    /// <summary>An adapter in the planted subspace, plus noise.</summary>
    public LoraAdapter InSubspace(string name) => Adapter(name, module => (U[module], V[module]));

    /// <summary>An adapter whose lora_B factors lie along one direction orthogonal to the planted ones.</summary>
    public LoraAdapter InNewDirection(string name) => Adapter(name, module =>
    {
        var random = Random(Out, 1);
        var outside = random - (U[module] * U[module].TransposeThisAndMultiply(random));
        // Repeated so that Adapter's Planted × Rank coefficients put all of lora_B along the one new direction.
        return (outside.Divide(outside.FrobeniusNorm()).Append(Matrix<double>.Build.Dense(Out, Planted - 1)), V[module]);
    });

    public static LoraConfig Config(int rank = Rank) => LoraConfig.Parse(
        $$"""{"base_model_name_or_path": "tiny-base", "peft_type": "LORA", "r": {{rank}}, "lora_alpha": {{2 * rank}}, "target_modules": ["q_proj", "v_proj"]}""",
        "synthetic");

    public static async Task<string> WriteAsync(LoraAdapter adapter, string parent)
    {
        var folder = Path.Combine(parent, adapter.Name);
        await adapter.WriteAsync(folder, CancellationToken.None);
        return folder;
    }

    private LoraAdapter Adapter(string name, Func<string, (Matrix<double> B, Matrix<double> A)> subspaces) => new(
        name,
        name,
        Config(),
        TensorDType.F32,
        ModuleNames.ToDictionary(m => m, m =>
        {
            var (b, a) = subspaces(m);
            return new LoraModule(
                (a * Random(Planted, Rank)).Transpose() + (Noise * Random(Rank, In)),
                (b * Random(Planted, Rank)) + (Noise * Random(Out, Rank)));
        }));

    private Matrix<double> Random(int rows, int columns) => Matrix<double>.Build.Random(rows, columns, _normal);

    private Matrix<double> Orthonormal(int rows, int columns) => Random(rows, columns).QR(QRMethod.Thin).Q;
}
