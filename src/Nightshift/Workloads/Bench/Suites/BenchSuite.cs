namespace Nightshift.Workloads.Bench.Suites;

/// <summary>
/// A bench suite as read from its YAML file: the tasks, the agents compared on them and how often each
/// pair is repeated, optionally as a timeline of phases with time budgets.
/// </summary>
/// <param name="FilePath">The suite file (absolute); relative paths inside it are resolved against its directory.</param>
/// <param name="Name">The suite's name, for reports; the file name without extension when not given.</param>
/// <param name="Tasks">In file order, which is also the order runs start in.</param>
/// <param name="Agents">The agents compared; empty when the suite leaves the choice to the command line.</param>
public sealed record BenchSuite(
    string FilePath,
    string Name,
    IReadOnlyList<BenchTask> Tasks,
    IReadOnlyList<BenchAgentSpec> Agents)
{
    /// <summary>Runs per task and agent when there is no timeline.</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>Phases run one after the other; empty means one phase over every task, <see cref="Repeat"/> times, unbudgeted.</summary>
    public IReadOnlyList<BenchPhase> Timeline { get; init; } = [];

    /// <summary>The SHA-256 of the file's text, so that a resumed bench can tell the suite has not changed under it.</summary>
    public string Sha256 { get; init; } = "";

    public string Directory => Path.GetDirectoryName(FilePath)!;

    /// <summary>The phases actually run: the timeline, or the single implicit phase.</summary>
    public IReadOnlyList<BenchPhase> EffectivePhases => Timeline.Count > 0
        ? Timeline
        : [new BenchPhase("all", Tasks.Select(t => t.Level).Distinct(StringComparer.Ordinal).ToArray(), Repeat, Budget: null)];

    public BenchTask FindTask(string id) => Tasks.First(t => t.Id == id);
}
