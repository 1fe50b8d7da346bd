namespace Nightshift.Telemetry;

/// <summary>The kinds of event crash-watch journals (and mirrors to events.jsonl), and the alerts it raises.</summary>
public static class CrashEvents
{
    /// <summary>A crash report was taken and its crash journaled as a task; the payload has the detection latency.</summary>
    public const string Detected = "crash_detected";

    /// <summary>The same crash (signature) again while its fix is queued or in flight: attached to it, not queued twice.</summary>
    public const string Attached = "crash_attached";

    /// <summary>A crash whose task was done (fixed or given up) came back: queued again.</summary>
    public const string Recurred = "crash_recurred";

    /// <summary>A crash an earlier session journaled but did not finish (killed, interrupted) is taken up by this one.</summary>
    public const string Resumed = "crash_resumed";

    /// <summary>New text in a watched file that is not a crash report of a known format (yet).</summary>
    public const string Unrecognized = "crash_unrecognized";

    public const string PipelineStarted = "crash_pipeline_started";

    public const string StepStarted = "crash_step_started";

    public const string StepFinished = "crash_step_finished";

    /// <summary>A crash's pipeline ended; the payload has the result and every step's duration.</summary>
    public const string Done = "crash_done";

    /// <summary>Alert: a deployed fix failed its health check and the previous build was restored.</summary>
    public const string DeployFailedAlert = "deploy_failed";

    /// <summary>Alert: the service is not healthy and could not be brought back.</summary>
    public const string ServiceDownAlert = "service_down";

    /// <summary>Alert: a crash could not be fixed (rejected or failed); it needs a person.</summary>
    public const string CrashUnfixedAlert = "crash_unfixed";
}
