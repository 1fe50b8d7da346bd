using Nightshift.Telemetry;

namespace Nightshift.Cli.Rendering;

/// <summary>Follows <c>.nightshift/events.jsonl</c> from where it ended when the tail started, handing each new event to a callback.</summary>
internal sealed class EventTail(string path, Action<TelemetryEvent> onEvent)
{
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(250);
    private long _position = File.Exists(path) ? new FileInfo(path).Length : 0;
    private string _partial = "";

    /// <summary>Reads until canceled, then once more so that the last events are not lost.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                ReadNew();
                await Task.Delay(_interval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        ReadNew();
    }

    private void ReadNew()
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < _position)
            {
                _position = 0; // replaced
            }

            stream.Seek(_position, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var text = _partial + reader.ReadToEnd();
            _position = stream.Position;
            var lines = text.Split('\n');
            _partial = lines[^1];
            foreach (var line in lines[..^1])
            {
                if (TelemetryEvent.TryParse(line) is { } parsed)
                {
                    onEvent(parsed);
                }
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            // Not written yet, or being rotated: the next round looks again.
        }
    }
}
