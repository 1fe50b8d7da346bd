namespace Nightshift.Agents.Local;

/// <summary>One located edit: replace the bytes [Start, End) of a file with <see cref="Text"/> (UTF-8).</summary>
internal sealed record ByteEdit(int Start, int End, byte[] Text)
{
    public bool IsInsertion => Start == End;

    /// <summary>
    /// True when the two edits cannot both be applied: their ranges intersect, or both insert at the same
    /// point (which text would come first is not ours to guess).
    /// </summary>
    public bool ConflictsWith(ByteEdit other) =>
        (Start < other.End && other.Start < End) || (IsInsertion && other.IsInsertion && Start == other.Start);

    public bool SameAs(ByteEdit other) => Start == other.Start && End == other.End && Text.AsSpan().SequenceEqual(other.Text);

    /// <summary>Applies non-conflicting edits, the last first, so earlier offsets stay valid while splicing.</summary>
    public static byte[] ApplyAll(byte[] content, IEnumerable<ByteEdit> edits)
    {
        var result = content;
        foreach (var edit in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
        {
            result = [.. result.AsSpan(0, edit.Start), .. edit.Text, .. result.AsSpan(edit.End)];
        }

        return result;
    }
}
