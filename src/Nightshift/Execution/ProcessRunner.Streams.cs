namespace Nightshift.Execution;

public sealed partial class ProcessRunner
{
    /// <summary>How long output may still arrive after the tree is gone: only a process that escaped the tree holds a pipe that long.</summary>
    private static readonly TimeSpan _drainTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Waits for the last output; a pipe still held open by a process that escaped the tree is abandoned.</summary>
    private static async Task DrainAsync(Task pumps, CancellationTokenSource io)
    {
        try
        {
            await pumps.WaitAsync(_drainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await io.CancelAsync().ConfigureAwait(false);
            try
            {
                await pumps.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Writes stdin then closes it, so the child sees end of file; with no input it is closed at once.</summary>
    private static async Task WriteInputAsync(Stream input, string? text, CancellationToken cancellationToken)
    {
        try
        {
            if (text is not null)
            {
                await input.WriteAsync(_utf8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // The child closed its stdin without reading all of it (EPIPE): its choice, and its exit code tells the rest.
        }
        finally
        {
            try
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
            }
        }
    }
}
