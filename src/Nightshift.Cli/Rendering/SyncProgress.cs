namespace Nightshift.Cli.Rendering;

/// <summary>
/// Reports progress synchronously and one report at a time. <see cref="Progress{T}"/> posts to the thread
/// pool, so its lines could arrive after the command has printed its result, and in any order.
/// </summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
