using MathNet.Numerics.LinearAlgebra;

namespace Nightshift.Adapters.Share;

/// <summary>
/// One family's coefficients in one module's shared basis: ε_B (k_B × r) and ε_A (k_A × r), so that the family's
/// factors are lora_B ≈ β·ε_B and lora_A ≈ (α·ε_A)ᵀ.
/// </summary>
public sealed record FamilyCoefficients(Matrix<double> B, Matrix<double> A)
{
    public long ParameterCount => ((long)B.RowCount * B.ColumnCount) + ((long)A.RowCount * A.ColumnCount);
}
