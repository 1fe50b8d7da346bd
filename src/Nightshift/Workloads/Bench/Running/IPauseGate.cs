namespace Nightshift.Workloads.Bench.Running;

/// <summary>
/// Holds back new runs while something they need is down: a model endpoint signals <see cref="Pause"/>
/// when it stops answering and <see cref="Reopen"/> when it is back. Runs that fail while the gate was
/// closed count as infrastructure errors and are retried.
/// </summary>
public interface IPauseGate
{
    bool IsPaused { get; }

    /// <summary>Why the gate is closed; null when it is open.</summary>
    string? Reason { get; }

    /// <summary>How many times the gate has closed, so a run can tell whether it closed while the run went on.</summary>
    long Pauses { get; }

    void Pause(string reason);

    void Reopen();

    /// <summary>Completes when the gate is open (at once if it is).</summary>
    Task WaitUntilOpenAsync(CancellationToken cancellationToken);
}
