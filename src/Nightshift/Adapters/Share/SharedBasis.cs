using MathNet.Numerics.LinearAlgebra;

namespace Nightshift.Adapters.Share;

/// <summary>
/// One module's shared subspace: the paper's β (out × k_B, for the lora_B factors) and α (in × k_A, for the transposed
/// lora_A factors), each with orthonormal columns, and the share of the stacked factors' variance each explains.
/// </summary>
public sealed record SharedBasis(Matrix<double> B, Matrix<double> A, double ExplainedB, double ExplainedA)
{
    public int Out => B.RowCount;

    public int In => A.RowCount;

    public long ParameterCount => ((long)B.RowCount * B.ColumnCount) + ((long)A.RowCount * A.ColumnCount);
}
