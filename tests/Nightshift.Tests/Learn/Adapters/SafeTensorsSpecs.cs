using System.Text.Json;
using Nightshift.Adapters;
using Nightshift.Adapters.SafeTensors;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Learn.Adapters;

public sealed class SafeTensorsSpecs : IDisposable
{
    // Writes safetensors files with Python's standard library only (struct + json), as the format's reference describes
    // them, and prints each tensor's values as Python decodes them. `canonical` is written the way SafeTensorsFile writes:
    // compact JSON, __metadata__ first, names in order, header padded with spaces to 8 bytes; `loose` is the same
    // tensors with a spaced header in another order, data in another order and no padding.
    private const string Writer = """
        import json, struct, sys

        def f32(values): return b"".join(struct.pack("<f", v) for v in values)
        def f16(values): return b"".join(struct.pack("<e", v) for v in values)
        def bf16(values): return b"".join(struct.pack("<f", v)[2:] for v in values)

        tensors = {
            "base_model.model.layers.0.q_proj.lora_A.weight": ("F32", [2, 3], f32([1.5, -2.25, 0.1, -0.0, 1e-40, 3.4e38])),
            "base_model.model.layers.0.q_proj.lora_B.weight": ("F16", [4, 1], f16([0.1, -65504.0, 6e-8, 1.0])),
            "base_model.model.layers.0.v_proj.lora_A.weight": ("BF16", [2, 2], bf16([0.1, -3.5, 1e30, 1.0])),
        }
        metadata = {"format": "pt", "note": "ünïcode"}

        def write(path, names, separators, pad):
            header, offset, data = {"__metadata__": metadata}, 0, b""
            for name in names:
                dtype, shape, raw = tensors[name]
                header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(raw)]}
                offset += len(raw)
                data += raw
            text = json.dumps(header, separators=separators, ensure_ascii=False).encode("utf-8")
            if pad:
                text += b" " * ((8 - len(text) % 8) % 8)
            with open(path, "wb") as f:
                f.write(struct.pack("<Q", len(text)) + text + data)

        write(sys.argv[1], sorted(tensors), (",", ":"), True)
        write(sys.argv[2], sorted(tensors, reverse=True), (", ", ": "), False)

        def decode(dtype, raw):
            if dtype == "F32": return [v for (v,) in struct.iter_unpack("<f", raw)]
            if dtype == "F16": return [v for (v,) in struct.iter_unpack("<e", raw)]
            return [struct.unpack("<f", b"\0\0" + raw[i:i + 2])[0] for i in range(0, len(raw), 2)]

        print(json.dumps({name: decode(dtype, raw) for name, (dtype, _, raw) in tensors.items()}))
        """;

    // Reads a file as the format's reference describes it and prints its header and each tensor's bytes in hex.
    private const string Reader = """
        import json, struct, sys
        raw = open(sys.argv[1], "rb").read()
        (n,) = struct.unpack("<Q", raw[:8])
        header = json.loads(raw[8:8 + n].decode("utf-8"))
        data = raw[8 + n:]
        print(json.dumps({name: info if name == "__metadata__" else {"dtype": info["dtype"], "shape": info["shape"], "hex": data[info["data_offsets"][0]:info["data_offsets"][1]].hex()} for name, info in header.items()}))
        """;

    private readonly TempDir _dir = new("safetensors");

    [Fact(Timeout = 60_000)]
    public async Task A_file_written_by_python_reads_with_the_values_python_decodes_and_writes_back_bit_exactly()
    {
        var decoded = await WriteWithPythonAsync();

        var file = await SafeTensorsFile.ReadAsync(_dir["canonical.safetensors"], CancellationToken.None);

        file.Metadata.Should().Equal(new Dictionary<string, string> { ["format"] = "pt", ["note"] = "ünïcode" });
        file.Tensors.Keys.Should().BeEquivalentTo(decoded.Keys);
        foreach (var (name, values) in decoded)
        {
            file.Tensors[name].ToDoubles().Should().Equal(values, name);
        }

        file.Tensors["base_model.model.layers.0.q_proj.lora_B.weight"].DType.Should().Be(TensorDType.F16);
        file.Tensors["base_model.model.layers.0.v_proj.lora_A.weight"].Shape.Should().Equal(2, 2);
        file.ToBytes().Should().Equal(await File.ReadAllBytesAsync(_dir["canonical.safetensors"]));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_file_with_another_header_layout_reads_to_the_same_tensors_and_python_reads_what_we_write()
    {
        await WriteWithPythonAsync();
        var canonical = await SafeTensorsFile.ReadAsync(_dir["canonical.safetensors"], CancellationToken.None);

        var loose = await SafeTensorsFile.ReadAsync(_dir["loose.safetensors"], CancellationToken.None);
        await loose.WriteAsync(_dir["ours.safetensors"], CancellationToken.None);
        var python = await PythonAsync(Reader, _dir["ours.safetensors"]);

        loose.ToBytes().Should().Equal(canonical.ToBytes());
        using var read = JsonDocument.Parse(python);
        foreach (var (name, tensor) in canonical.Tensors)
        {
            var entry = read.RootElement.GetProperty(name);
            entry.GetProperty("dtype").GetString().Should().Be(tensor.DType.WireName());
            entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).Should().Equal(tensor.Shape);
            entry.GetProperty("hex").GetString().Should().Be(Convert.ToHexStringLower(tensor.Data), name);
        }

        read.RootElement.GetProperty("__metadata__").GetProperty("note").GetString().Should().Be("ünïcode");
    }

    [Fact(Timeout = 30_000)]
    public async Task Doubles_written_as_each_dtype_read_back_rounded_to_that_dtype()
    {
        await Task.Yield();
        double[] values = [0.1, -3.5, 1e-3, 65504];

        SafeTensor.FromDoubles(TensorDType.F32, [4], values).ToDoubles().Should().Equal(values.Select(v => (double)(float)v));
        SafeTensor.FromDoubles(TensorDType.F16, [4], values).ToDoubles().Should().Equal(values.Select(v => (double)(Half)v));
        SafeTensor.FromDoubles(TensorDType.F64, [4], values).ToDoubles().Should().Equal(values);
        // 0.1f is 0x3DCCCCCD: rounding to nearest keeps 0x3DCD, truncation would give 0x3DCC.
        SafeTensor.FromDoubles(TensorDType.BF16, [1], [0.1]).Data.Should().Equal(0xCD, 0x3D);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("length", "header length")]
    [InlineData("json", "header is not JSON")]
    [InlineData("offsets", "needs 24 bytes, its offsets give 20")]
    [InlineData("dtype", "dtype I8")]
    public async Task A_corrupt_file_is_refused_with_its_path_and_what_is_wrong(string corruption, string reason)
    {
        var header = corruption switch
        {
            "json" => """{"a": {"dtype": "F32", """,
            "offsets" => """{"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}}""",
            "dtype" => """{"a":{"dtype":"I8","shape":[2],"data_offsets":[0,2]}}""",
            _ => """{"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}}""",
        };
        var headerBytes = System.Text.Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + headerBytes.Length + 24];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), corruption == "length" ? 1L << 40 : headerBytes.Length).Should().BeTrue();
        headerBytes.CopyTo(bytes, 8);
        var path = _dir["corrupt.safetensors"];
        await File.WriteAllBytesAsync(path, bytes);

        var read = () => SafeTensorsFile.ReadAsync(path, CancellationToken.None);

        (await read.Should().ThrowAsync<AdapterException>()).WithMessage($"{path} is not a valid safetensors file:*{reason}*");
    }

    public void Dispose() => _dir.Dispose();

    private async Task<Dictionary<string, double[]>> WriteWithPythonAsync()
    {
        var output = await PythonAsync(Writer, _dir["canonical.safetensors"], _dir["loose.safetensors"]);
        return JsonSerializer.Deserialize<Dictionary<string, double[]>>(output)!;
    }

    private async Task<string> PythonAsync(string script, params string[] arguments)
    {
        var path = _dir.Write($"script-{Guid.NewGuid():N}.py", script);
        var run = await ToolRun.RunAsync("python3", [path, .. arguments], _dir.Path, null, TimeSpan.FromSeconds(30), CancellationToken.None);
        run.ExitCode.Should().Be(0, run.StandardError);
        return run.StandardOutput;
    }
}
