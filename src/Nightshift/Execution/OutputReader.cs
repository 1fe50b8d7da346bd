using System.Text;

namespace Nightshift.Execution;

/// <summary>
/// Drains one of a child's output streams as it comes: every chunk resets the idle clock (a progress bar
/// without newlines is still a sign of life), goes into a bounded <see cref="OutputCapture"/> and, split
/// into lines, to the spec's OnOutput callback.
/// </summary>
internal sealed class OutputReader(
    OutputChannel channel,
    int limit,
    Action<OutputLine>? onOutput,
    Lock callbackGate,
    ActivityClock activity,
    Action<Exception> onCallbackFailed)
{
    /// <summary>A "line" longer than this (a minified file, a flood without newlines) reaches the callback in pieces.</summary>
    private const int MaxLineLength = 65_536;

    private readonly OutputCapture _capture = new(limit);
    private readonly StringBuilder _line = new();
    private Action<OutputLine>? _onOutput = onOutput;

    /// <summary>The last line went out at <see cref="MaxLineLength"/>; its newline, if next, ends nothing new.</summary>
    private bool _cutAtLength;

    public string Text => _capture.ToString();

    public bool Truncated => _capture.Truncated;

    public async Task ReadToEndAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var buffer = new char[16_384];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            activity.Touch();
            _capture.Append(buffer.AsSpan(0, read));
            if (_onOutput is not null)
            {
                Split(buffer.AsSpan(0, read));
            }
        }

        if (_line.Length > 0)
        {
            Emit();
        }
    }

    private void Split(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty && _onOutput is not null)
        {
            var room = MaxLineLength - _line.Length;
            var newline = chars[..Math.Min(chars.Length, room)].IndexOf('\n');
            if (newline < 0)
            {
                var part = chars[..Math.Min(chars.Length, room)];
                _line.Append(part);
                chars = chars[part.Length..];
                if (_line.Length == MaxLineLength)
                {
                    Emit();
                    _cutAtLength = true;
                }

                continue;
            }

            _line.Append(chars[..newline]);
            chars = chars[(newline + 1)..];
            if (_line.Length > 0 || !_cutAtLength)
            {
                Emit();
            }

            _cutAtLength = false;
        }
    }

    private void Emit()
    {
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        var line = new OutputLine(channel, _line.ToString());
        _line.Clear();
        try
        {
            // One callback at a time across both streams: callers append to logs and lists without locks.
            lock (callbackGate)
            {
                _onOutput?.Invoke(line);
            }
        }
        catch (Exception e)
        {
            // A throwing callback is the caller's bug: stop calling it, keep draining the pipe so the child
            // cannot block on it, and let the runner stop the command and rethrow.
            _onOutput = null;
            onCallbackFailed(e);
        }
    }
}
