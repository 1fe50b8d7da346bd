using MathNet.Numerics.LinearAlgebra;

namespace Nightshift.Adapters.Peft;

/// <summary>
/// The two LoRA factors of one adapted module, as PEFT stores them: <c>lora_A.weight</c> is r × in,
/// <c>lora_B.weight</c> is out × r, and the module's update is ΔW = lora_alpha / r · B·A (out × in).
/// </summary>
public sealed record LoraModule(Matrix<double> A, Matrix<double> B)
{
    public int In => A.ColumnCount;

    public int Out => B.RowCount;

    public int Rank => A.RowCount;

    /// <summary>B·A, without the lora_alpha / r scale (the same for an adapter and its expansion).</summary>
    public Matrix<double> Delta => B * A;

    public long ParameterCount => ((long)Out + In) * Rank;
}
