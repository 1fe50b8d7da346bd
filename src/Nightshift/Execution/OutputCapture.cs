using System.Globalization;
using System.Text;

namespace Nightshift.Execution;

/// <summary>
/// Keeps at most <c>limit</c> characters of one stream: the first half and the last half, whatever the
/// amount written in between. The head says how a command started, the tail how it ended (the error is
/// usually there); the middle of a 100 MB log helps nobody and would cost memory.
/// </summary>
internal sealed class OutputCapture
{
    /// <summary>How far a cut may move to fall on a line break, so the kept text holds whole lines.</summary>
    private const int MaxLineSnap = 4096;

    private readonly int _limit;
    private readonly StringBuilder _head = new();
    private readonly int _headLimit;
    private readonly int _tailLimit;

    // Allocated when the head is full: most commands never write that much, and a probe step's limit of millions of
    // characters, allocated and zeroed up front for every step, was most of the probe's own CPU time (issue 17).
    private char[]? _tail;
    private int _tailNext;
    private int _tailCount;
    private long _total;

    public OutputCapture(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        _limit = limit;
        _headLimit = limit / 2;
        _tailLimit = limit - _headLimit;
    }

    public bool Truncated => _total > _limit;

    public void Append(ReadOnlySpan<char> chars)
    {
        _total += chars.Length;
        var toHead = Math.Min(_headLimit - _head.Length, chars.Length);
        if (toHead > 0)
        {
            _head.Append(chars[..toHead]);
            chars = chars[toHead..];
        }

        if (chars.IsEmpty)
        {
            return;
        }

        _tail ??= new char[_tailLimit];
        if (chars.Length >= _tail.Length)
        {
            chars[^_tail.Length..].CopyTo(_tail);
            _tailNext = 0;
            _tailCount = _tail.Length;
            return;
        }

        var untilWrap = Math.Min(chars.Length, _tail.Length - _tailNext);
        chars[..untilWrap].CopyTo(_tail.AsSpan(_tailNext));
        chars[untilWrap..].CopyTo(_tail);
        _tailNext = (_tailNext + chars.Length) % _tail.Length;
        _tailCount = Math.Min(_tail.Length, _tailCount + chars.Length);
    }

    /// <summary>All of it, or head + a marker line saying how much was left out + tail.</summary>
    public override string ToString()
    {
        var tail = _tail is null ? ""
            : _tailCount < _tail.Length ? new string(_tail, 0, _tailCount)
            : string.Concat(_tail.AsSpan(_tailNext), _tail.AsSpan(0, _tailNext));
        var head = _head.ToString();
        if (!Truncated)
        {
            return head + tail;
        }

        var lastBreak = head.LastIndexOf('\n');
        if (lastBreak >= 0 && head.Length - lastBreak - 1 <= Math.Min(MaxLineSnap, head.Length / 4))
        {
            head = head[..(lastBreak + 1)];
        }

        var firstBreak = tail.IndexOf('\n', StringComparison.Ordinal);
        if (firstBreak >= 0 && firstBreak + 1 <= Math.Min(MaxLineSnap, tail.Length / 4))
        {
            tail = tail[(firstBreak + 1)..];
        }

        var omitted = _total - head.Length - tail.Length;
        var separator = head.Length == 0 || head.EndsWith('\n') ? "" : "\n";
        return string.Create(CultureInfo.InvariantCulture, $"{head}{separator}… [{omitted} characters omitted] …\n{tail}");
    }
}
