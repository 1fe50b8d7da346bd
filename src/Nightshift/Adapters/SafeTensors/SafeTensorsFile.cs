using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nightshift.Files;

namespace Nightshift.Adapters.SafeTensors;

/// <summary>
/// A safetensors file (https://huggingface.co/docs/safetensors): an 8-byte little-endian header length, a UTF-8 JSON
/// header mapping each tensor name to its <c>dtype</c>, <c>shape</c> and <c>data_offsets</c> (begin, end) into the
/// data that follows, an optional <c>__metadata__</c> map of strings, then the raw little-endian tensor bytes.
/// Written canonically: compact JSON, <c>__metadata__</c> first, tensors in ordinal name order (header and data),
/// the header padded with spaces to a multiple of 8 bytes as the reference implementation aligns it.
/// </summary>
public sealed partial record SafeTensorsFile(IReadOnlyDictionary<string, SafeTensor> Tensors, IReadOnlyDictionary<string, string> Metadata)
{
    public const string MetadataKey = "__metadata__";

    public SafeTensorsFile(IReadOnlyDictionary<string, SafeTensor> tensors)
        : this(tensors, new Dictionary<string, string>())
    {
    }

    /// <exception cref="AdapterException">The file is missing, unreadable or not a safetensors file; the message names it.</exception>
    public static async Task<SafeTensorsFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AdapterException($"{path}: cannot be read ({e.Message}).", e);
        }

        return Parse(bytes, path);
    }

    /// <summary>Writes the file whole or not at all (<see cref="AtomicFile"/>).</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, (stream, token) => stream.WriteAsync(ToBytes(), token).AsTask(), cancellationToken);

    /// <summary>The file's bytes, canonical as described on the type.</summary>
    public byte[] ToBytes()
    {
        var names = Tensors.Keys.Order(StringComparer.Ordinal).ToList();
        using var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (Metadata.Count > 0)
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            long offset = 0;
            foreach (var name in names)
            {
                var tensor = Tensors[name];
                json.WriteStartObject(name);
                json.WriteString("dtype", tensor.DType.WireName());
                json.WriteStartArray("shape");
                foreach (var dimension in tensor.Shape)
                {
                    json.WriteNumberValue(dimension);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset += tensor.Data.Length);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        var padding = (int)((8 - (header.Length % 8)) % 8);
        var headerLength = header.Length + padding;
        var result = new byte[8 + headerLength + names.Sum(n => (long)Tensors[n].Data.Length)];
        BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)headerLength);
        header.ToArray().CopyTo(result, 8);
        result.AsSpan(8 + (int)header.Length, padding).Fill((byte)' ');
        var position = 8 + headerLength;
        foreach (var name in names)
        {
            Tensors[name].Data.CopyTo(result, position);
            position += Tensors[name].Data.Length;
        }

        return result;
    }
}
