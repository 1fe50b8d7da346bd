namespace Nightshift.Adapters.SafeTensors;

/// <summary>Wire names and element sizes of <see cref="TensorDType"/>.</summary>
public static class TensorDTypes
{
    public static string WireName(this TensorDType dtype) => dtype.ToString();

    /// <summary>Bytes per element.</summary>
    public static int Size(this TensorDType dtype) => dtype switch
    {
        TensorDType.F64 => 8,
        TensorDType.F32 => 4,
        TensorDType.F16 or TensorDType.BF16 => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>The type a wire name stands for; null for types adapters do not use (I8, U8, F8_E4M3, ...).</summary>
    public static TensorDType? Parse(string wireName) => wireName switch
    {
        "F64" => TensorDType.F64,
        "F32" => TensorDType.F32,
        "F16" => TensorDType.F16,
        "BF16" => TensorDType.BF16,
        _ => null,
    };
}
