namespace Nightshift.Execution;

/// <summary>What one run shares between its output pumps and its watch loop.</summary>
internal sealed class RunState
{
    private readonly Lock _callbackGate = new();
    private Exception? _callbackFailure;

    public RunState(CommandSpec spec)
    {
        StandardOutput = new OutputReader(
            OutputChannel.StandardOutput, spec.OutputLimit, spec.OnOutput, _callbackGate, Activity, OnCallbackFailed);
        StandardError = new OutputReader(
            OutputChannel.StandardError, spec.OutputLimit, spec.OnOutput, _callbackGate, Activity, OnCallbackFailed);
    }

    public ActivityClock Activity { get; } = new();

    /// <summary>Completed to stop the command early: by cancellation, or because the output callback threw.</summary>
    public TaskCompletionSource<StopCause> Abort { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutputReader StandardOutput { get; }

    public OutputReader StandardError { get; }

    /// <summary>The first exception the caller's OnOutput threw; rethrown once the command is stopped.</summary>
    public Exception? CallbackFailure => Volatile.Read(ref _callbackFailure);

    private void OnCallbackFailed(Exception exception)
    {
        Interlocked.CompareExchange(ref _callbackFailure, exception, null);
        Abort.TrySetResult(StopCause.Canceled);
    }
}
