namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>Why an example is in a dataset.</summary>
public enum ExampleReason
{
    /// <summary>The task had a rejected attempt, then an accepted one: the accepted fix is the lesson.</summary>
    FailedThenFixed,

    /// <summary>An accepted attempt that started from errors (compile errors or failing tests).</summary>
    ErrorsFixed,

    /// <summary>Drawn from the replay buffer of earlier data, so a new model does not forget old lessons.</summary>
    Replay,
}
