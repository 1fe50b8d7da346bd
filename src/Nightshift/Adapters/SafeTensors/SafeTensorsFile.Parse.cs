using System.Buffers.Binary;
using System.Text.Json;

namespace Nightshift.Adapters.SafeTensors;

public sealed partial record SafeTensorsFile
{
    // The reference implementation refuses headers above 100 MB; so do we, before allocating for one.
    private const long MaxHeaderLength = 100_000_000;

    /// <summary>Reads a file's bytes; <paramref name="path"/> only names the file in errors.</summary>
    /// <exception cref="AdapterException">The bytes are not a safetensors file.</exception>
    public static SafeTensorsFile Parse(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 8)
        {
            throw Corrupt(path, $"it has {bytes.Length} byte(s), fewer than the 8 of the header length");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderLength || headerLength > (ulong)(bytes.Length - 8))
        {
            throw Corrupt(path, $"its header length {headerLength} runs past the file's {bytes.Length} bytes");
        }

        var dataStart = 8 + (int)headerLength;
        JsonDocument header;
        try
        {
            header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        }
        catch (JsonException e)
        {
            throw Corrupt(path, $"its header is not JSON ({e.Message})");
        }

        using (header)
        {
            if (header.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Corrupt(path, "its header is not a JSON object");
            }

            var tensors = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in header.RootElement.EnumerateObject())
            {
                if (entry.Name == MetadataKey)
                {
                    ReadMetadata(entry.Value, metadata, path);
                    continue;
                }

                tensors[entry.Name] = ReadTensor(entry, bytes, dataStart, path);
            }

            return new SafeTensorsFile(tensors, metadata);
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Corrupt(path, $"its {MetadataKey} is not an object of strings");
        }

        foreach (var item in value.EnumerateObject())
        {
            metadata[item.Name] = item.Value.ValueKind == JsonValueKind.String
                ? item.Value.GetString()!
                : throw Corrupt(path, $"its {MetadataKey} entry '{item.Name}' is not a string");
        }
    }

    private static SafeTensor ReadTensor(JsonProperty entry, byte[] bytes, int dataStart, string path)
    {
        var name = entry.Name;
        var info = entry.Value;
        if (info.ValueKind != JsonValueKind.Object
            || !info.TryGetProperty("dtype", out var dtypeName) || dtypeName.ValueKind != JsonValueKind.String
            || !info.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !info.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
        {
            throw Corrupt(path, $"tensor '{name}' lacks a dtype, a shape or two data_offsets");
        }

        var dtype = TensorDTypes.Parse(dtypeName.GetString()!)
            ?? throw Corrupt(path, $"tensor '{name}' has dtype {dtypeName.GetString()}; adapters are read in F64, F32, F16 or BF16");
        var shape = new List<long>();
        foreach (var dimension in shapeElement.EnumerateArray())
        {
            shape.Add(dimension.ValueKind == JsonValueKind.Number && dimension.TryGetInt64(out var d) && d >= 0
                ? d
                : throw Corrupt(path, $"tensor '{name}' has a shape that is not a list of sizes"));
        }

        if (!offsets[0].TryGetInt64(out var begin) || !offsets[1].TryGetInt64(out var end)
            || begin < 0 || end < begin || end > bytes.Length - dataStart)
        {
            throw Corrupt(path, $"tensor '{name}' has data_offsets {offsets.GetRawText()} outside the file's {bytes.Length - dataStart} data bytes");
        }

        var tensor = new SafeTensor(dtype, shape, bytes[(dataStart + (int)begin)..(dataStart + (int)end)]);
        return tensor.ElementCount * dtype.Size() == end - begin
            ? tensor
            : throw Corrupt(path, $"tensor '{name}' of shape [{string.Join(", ", shape)}] and dtype {dtype.WireName()} needs {tensor.ElementCount * dtype.Size()} bytes, its offsets give {end - begin}");
    }

    private static AdapterException Corrupt(string path, string reason) =>
        new($"{path} is not a valid safetensors file: {reason}.");
}
