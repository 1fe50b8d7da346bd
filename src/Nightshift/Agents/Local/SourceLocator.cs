using System.Text;
using Nightshift.Diagnostics;

namespace Nightshift.Agents.Local;

/// <summary>
/// Finds the bytes a <see cref="Replacement"/> covers in a file's current content: by rustc's byte offsets
/// (<c>byte_start</c>/<c>byte_end</c>) when it gives them, else by line and column (gcc and clang fix-its).
/// </summary>
internal static class SourceLocator
{
    private static readonly byte[] _bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The located edit, or null when the span does not fit the content (a stale or foreign diagnostic).</summary>
    public static ByteEdit? Locate(byte[] content, Replacement replacement)
    {
        var text = Encoding.UTF8.GetBytes(replacement.Text);

        // rustc counts its byte offsets in the source after dropping a BOM and turning CRLF into LF
        // (rustc_span normalizes sources), so in such a file only lines and columns are exact.
        var normalizedByRustc = content.AsSpan().StartsWith(_bom) || content.AsSpan().Contains((byte)'\r');
        if (!normalizedByRustc && replacement is { ByteStart: { } start, ByteEnd: { } end })
        {
            return start >= 0 && start <= end && end <= content.Length ? new ByteEdit(start, end, text) : null;
        }

        var span = replacement.Span;
        if (span is not { Line: { } line, Column: { } column })
        {
            return null;
        }

        var from = Offset(content, line, column);
        var to = Offset(content, span.EndLine ?? line, span.EndColumn ?? column);
        return from is { } a && to is { } b && a <= b ? new ByteEdit(a, b, text) : null;
    }

    /// <summary>
    /// The byte offset of a 1-based line and 1-based column counted in characters (Unicode scalar values,
    /// as rustc counts them; the same as bytes for ASCII, as gcc counts them); one past the line's last
    /// character is its end. Null when the position is not in the content.
    /// </summary>
    private static int? Offset(byte[] content, int line, int column)
    {
        if (line < 1 || column < 1)
        {
            return null;
        }

        var position = content.AsSpan().StartsWith(_bom) ? _bom.Length : 0;
        for (var current = 1; current < line; current++)
        {
            var newline = content.AsSpan(position).IndexOf((byte)'\n');
            if (newline < 0)
            {
                return null;
            }

            position += newline + 1;
        }

        for (var character = 1; character < column; character++)
        {
            if (position >= content.Length || content[position] == '\n')
            {
                return null;
            }

            Rune.DecodeFromUtf8(content.AsSpan(position), out _, out var length);
            position += length;
        }

        return position;
    }
}
