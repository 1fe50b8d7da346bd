using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Nightshift.Adapters.Share;

/// <summary>The leading left singular vectors of a matrix that explain a share of its variance.</summary>
internal static class PrincipalDirections
{
    /// <param name="stacked">The factors side by side (rows: the module's dimension; columns: every family's rank).</param>
    /// <param name="variance">The share of Σσ² to keep, in (0, 1].</param>
    /// <returns>The orthonormal basis (rows × k, k ≥ 1) and the share of Σσ² its k directions explain.</returns>
    public static (Matrix<double> Basis, double Explained) Of(Matrix<double> stacked, double variance)
    {
        var (u, singular) = ThinSvd(stacked);
        var energies = singular.Select(s => s * s).ToArray();
        var total = energies.Sum();
        if (total == 0)
        {
            return (u.SubMatrix(0, u.RowCount, 0, 1), 1);
        }

        var k = 0;
        var kept = 0.0;
        // The relative slack keeps variance 1.0 from asking for directions that only rounding put there.
        while (k < energies.Length && kept < (variance * total) - (1e-12 * total))
        {
            kept += energies[k++];
        }

        k = Math.Max(k, 1);
        return (u.SubMatrix(0, u.RowCount, 0, k), energies.Take(k).Sum() / total);
    }

    // A module is tall (4096 rows) and its stack narrow (families × rank), so the SVD runs on the small R of a thin QR
    // rather than building a 4096 × 4096 U.
    private static (Matrix<double> U, double[] Singular) ThinSvd(Matrix<double> stacked)
    {
        if (stacked.RowCount >= stacked.ColumnCount)
        {
            var qr = stacked.QR(QRMethod.Thin);
            var svd = qr.R.Svd(computeVectors: true);
            return (qr.Q * svd.U, [.. svd.S]);
        }

        var wide = stacked.Svd(computeVectors: true);
        return (wide.U, [.. wide.S]);
    }
}
