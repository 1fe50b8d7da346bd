using System.Buffers.Binary;
using MathNet.Numerics.LinearAlgebra;

namespace Nightshift.Adapters.SafeTensors;

/// <summary>
/// One tensor of a safetensors file: its element type, shape and raw little-endian bytes, kept as read so that a
/// file read and written again keeps every bit.
/// </summary>
public sealed record SafeTensor(TensorDType DType, IReadOnlyList<long> Shape, byte[] Data)
{
    public long ElementCount => Shape.Aggregate(1L, (product, dimension) => product * dimension);

    /// <summary>The elements, widened to double.</summary>
    public double[] ToDoubles()
    {
        var size = DType.Size();
        var values = new double[Data.Length / size];
        var bytes = Data.AsSpan();
        for (var i = 0; i < values.Length; i++)
        {
            var element = bytes.Slice(i * size, size);
            values[i] = DType switch
            {
                TensorDType.F64 => BinaryPrimitives.ReadDoubleLittleEndian(element),
                TensorDType.F32 => BinaryPrimitives.ReadSingleLittleEndian(element),
                TensorDType.F16 => (double)BinaryPrimitives.ReadHalfLittleEndian(element),
                // bfloat16 is the upper half of a float32.
                TensorDType.BF16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(element) << 16),
                _ => throw new ArgumentOutOfRangeException(nameof(DType), DType, null),
            };
        }

        return values;
    }

    /// <summary>A two-dimensional tensor as a matrix (row-major, as torch stores it).</summary>
    /// <exception cref="InvalidOperationException">The tensor is not two-dimensional.</exception>
    public Matrix<double> ToMatrix()
    {
        if (Shape.Count != 2)
        {
            throw new InvalidOperationException($"A tensor of shape [{string.Join(", ", Shape)}] is not a matrix.");
        }

        var columns = (int)Shape[1];
        var values = ToDoubles();
        return Matrix<double>.Build.Dense((int)Shape[0], columns, (row, column) => values[(row * columns) + column]);
    }

    /// <summary>A matrix as a tensor of <paramref name="dtype"/>, rounded to nearest (ties to even).</summary>
    public static SafeTensor FromMatrix(Matrix<double> matrix, TensorDType dtype)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var values = new double[matrix.RowCount * matrix.ColumnCount];
        for (var row = 0; row < matrix.RowCount; row++)
        {
            for (var column = 0; column < matrix.ColumnCount; column++)
            {
                values[(row * matrix.ColumnCount) + column] = matrix[row, column];
            }
        }

        return FromDoubles(dtype, [matrix.RowCount, matrix.ColumnCount], values);
    }

    public static SafeTensor FromDoubles(TensorDType dtype, IReadOnlyList<long> shape, ReadOnlySpan<double> values)
    {
        var size = dtype.Size();
        var data = new byte[values.Length * size];
        for (var i = 0; i < values.Length; i++)
        {
            var element = data.AsSpan(i * size, size);
            switch (dtype)
            {
                case TensorDType.F64:
                    BinaryPrimitives.WriteDoubleLittleEndian(element, values[i]);
                    break;
                case TensorDType.F32:
                    BinaryPrimitives.WriteSingleLittleEndian(element, (float)values[i]);
                    break;
                case TensorDType.F16:
                    BinaryPrimitives.WriteHalfLittleEndian(element, (Half)values[i]);
                    break;
                case TensorDType.BF16:
                    BinaryPrimitives.WriteUInt16LittleEndian(element, ToBFloat16((float)values[i]));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null);
            }
        }

        return new SafeTensor(dtype, shape, data);
    }

    private static ushort ToBFloat16(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value))
        {
            return 0x7FC0;
        }

        // Round to nearest, ties to even, as torch does when it casts float32 to bfloat16.
        var rounded = bits + 0x7FFFu + ((bits >> 16) & 1u);
        return (ushort)(rounded >> 16);
    }
}
