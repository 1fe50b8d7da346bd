namespace Nightshift.Adapters.SafeTensors;

/// <summary>The element types of a safetensors file that adapters use; each has one wire name (<c>"F32"</c>, <c>"BF16"</c>).</summary>
public enum TensorDType
{
    F64,
    F32,
    F16,
    BF16,
}
