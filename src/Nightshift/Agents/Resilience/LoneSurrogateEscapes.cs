using System.Runtime.InteropServices;
using System.Text;

namespace Nightshift.Agents.Resilience;

/// <summary>
/// Rewrites, in JSON text read as bytes, every <c>\uXXXX</c> escape of a lone UTF-16 surrogate (a high one not
/// followed by an escaped low one, or a low one alone) to <c>\ufffd</c>, the replacement character; everything
/// else passes unchanged, byte for byte. A model can write <c>"\ud800"</c> in its text or its tool arguments, and
/// System.Text.Json, under both providers' SDKs, refuses to read such a string, which would end the night over
/// one odd reply. The rewrite keeps the length, and it is fed in pieces, so it works on a stream as it arrives.
/// </summary>
internal sealed class LoneSurrogateEscapes
{
    private static readonly byte[] _replacement = "\\ufffd"u8.ToArray();

    /// <summary>The escape being read: a backslash and what followed it, up to a surrogate pair's 12 bytes.</summary>
    private readonly List<byte> _pending = new(12);

    /// <summary>The whole of <paramref name="json"/>, rewritten.</summary>
    public static string Rewrite(string json)
    {
        var escapes = new LoneSurrogateEscapes();
        var output = new List<byte>(json.Length);
        escapes.Write(Encoding.UTF8.GetBytes(json), output);
        escapes.Finish(output);
        return Encoding.UTF8.GetString(CollectionsMarshal.AsSpan(output));
    }

    /// <summary>Reads <paramref name="input"/>, adding to <paramref name="output"/> what can be decided already.</summary>
    public void Write(ReadOnlySpan<byte> input, List<byte> output)
    {
        foreach (var value in input)
        {
            Feed(value, output);
        }
    }

    /// <summary>At the end of the text: an escape left open is decided as it stands.</summary>
    public void Finish(List<byte> output)
    {
        while (_pending.Count >= 6)
        {
            ReplaceFirstAndRefeed(output);
        }

        output.AddRange(_pending);
        _pending.Clear();
    }

    private void Feed(byte value, List<byte> output)
    {
        if (_pending.Count == 0)
        {
            if (value == '\\')
            {
                _pending.Add(value);
            }
            else
            {
                output.Add(value);
            }

            return;
        }

        _pending.Add(value);
        var count = _pending.Count;
        if (count <= 6)
        {
            // "\\", "\n" and other short escapes, or a malformed \u (the JSON reader reports that itself).
            if ((count == 2 && value != 'u') || (count > 2 && !IsHex(value)))
            {
                Flush(output);
            }
            else if (count == 6)
            {
                var unit = Unit(2);
                if (char.IsLowSurrogate(unit))
                {
                    _pending.Clear();
                    output.AddRange(_replacement);
                }
                else if (!char.IsHighSurrogate(unit))
                {
                    Flush(output);
                }
            }

            return;
        }

        // A high surrogate's escape is pending; the next one must be a low surrogate's.
        var position = count - 6;
        var fits = position switch
        {
            1 => value == '\\',
            2 => value == 'u',
            _ => IsHex(value),
        };
        if (!fits || (position == 6 && !char.IsLowSurrogate(Unit(8))))
        {
            ReplaceFirstAndRefeed(output);
        }
        else if (position == 6)
        {
            Flush(output);
        }
    }

    /// <summary>The first escape is a lone high surrogate: replace it, and read what followed it afresh.</summary>
    private void ReplaceFirstAndRefeed(List<byte> output)
    {
        var rest = _pending.Skip(6).ToArray();
        _pending.Clear();
        output.AddRange(_replacement);
        foreach (var value in rest)
        {
            Feed(value, output);
        }
    }

    private void Flush(List<byte> output)
    {
        output.AddRange(_pending);
        _pending.Clear();
    }

    private char Unit(int start) => (char)((Hex(_pending[start]) << 12) | (Hex(_pending[start + 1]) << 8) | (Hex(_pending[start + 2]) << 4) | Hex(_pending[start + 3]));

    private static bool IsHex(byte value) => char.IsAsciiHexDigit((char)value);

    private static int Hex(byte value) => value switch
    {
        >= (byte)'0' and <= (byte)'9' => value - '0',
        >= (byte)'a' and <= (byte)'f' => value - 'a' + 10,
        _ => value - 'A' + 10,
    };
}
