using Nightshift.Agents;

namespace Nightshift.Attempts.Episodes;

/// <summary>
/// The task of an episode as the agent saw it, including the source it started from, so that a training
/// example can be rebuilt from the journal alone.
/// </summary>
/// <param name="Kind">cluster, crash, bench or koan.</param>
/// <param name="Key">Identifies the task across sessions: the cluster key, the koan id.</param>
/// <param name="Title">One line for a person.</param>
/// <param name="Variables">The prompt variables the agent was given.</param>
/// <param name="Sources">Files (path relative to the worktree → content) as they were before the attempt.</param>
public sealed record EpisodeTask(
    string Kind,
    string Key,
    string Title,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyDictionary<string, string> Sources)
{
    public static EpisodeTask From(AgentTask task, string key, IReadOnlyDictionary<string, string> sources)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new EpisodeTask(task.Kind, key, task.Title, task.Variables, sources);
    }
}
