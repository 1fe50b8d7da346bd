namespace Nightshift.Probing;

/// <summary>
/// Measures the health of a repository: runs the configured command or corpus in a checkout and returns
/// what it reported. The same probe runs on the repository itself (<c>baseline</c>) and on a worktree with
/// an agent's change (the verifier), so its results depend only on the checkout's content, not on where it is.
/// </summary>
public interface IProbe
{
    /// <summary>
    /// Probes the checkout at <paramref name="root"/>. Diagnostics that a tool reports (errors included) are
    /// the measurement, not a failure; a step that crashes or times out becomes a synthetic diagnostic.
    /// </summary>
    /// <param name="root">The checkout to probe: the repository root or a worktree of it (absolute or relative to the current directory).</param>
    /// <param name="options">Whether to read the cache and which items to probe.</param>
    /// <param name="progress">Told after each item finishes; called from worker threads.</param>
    /// <param name="cancellationToken">Stops running steps and ends the probe with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ProbeException">The probe could not run at all (its command cannot start, the corpus is empty).</exception>
    Task<Snapshot> RunAsync(string root, ProbeOptions options, IProgress<ProbeProgress>? progress, CancellationToken cancellationToken);
}
