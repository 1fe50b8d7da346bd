using Nightshift.Diagnostics;

namespace Nightshift.Agents;

/// <summary>
/// What an agent is asked to do. Every workload turns its input (a cluster, a crash, a bench item,
/// a koan) into one of these.
/// </summary>
/// <param name="Id">Stable id, used in transcript file names and the journal.</param>
/// <param name="Kind">cluster, crash, bench or koan: selects the prompt template.</param>
/// <param name="Title">One line a person reads in status and reports.</param>
/// <param name="Variables">Values the prompt template renders (strictly: a missing one is an error).</param>
/// <param name="Diagnostics">The diagnostics the task is about; the offline agent reads their suggestions.</param>
public sealed record AgentTask(
    string Id,
    string Kind,
    string Title,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// What the task is about, stable across sessions where <see cref="Id"/> is not: the cluster key
    /// (<c>rustc:error:E0308</c>), the bench item. The replay agent finds recorded answers by it; null when
    /// the task has no such name.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>The task's family beyond its codes: a koan's category (<c>borrow</c>), a crash's kind (<c>panic</c>); null when none.</summary>
    public string? Family { get; init; }

    /// <summary>The names <c>agent.routes</c> matches a task by: its key, its family and the codes of its diagnostics.</summary>
    public IEnumerable<string> RouteNames =>
        new[] { Key, Family }.Concat(Diagnostics.Select(d => d.Code)).OfType<string>().Distinct(StringComparer.Ordinal);
}
