using Nightshift.Configuration;

namespace Nightshift.Workloads.Bench.Suites;

/// <summary>
/// One task of a suite: the prompt an agent gets, the workspace it starts from, and how its work is judged.
/// The agent sees only <see cref="Prompt"/> and a fresh copy of the workspace; the acceptance files are
/// copied in after it has stopped, and <see cref="Accept"/> must then succeed.
/// </summary>
/// <param name="Id">Unique within the suite; part of run file names, so letters, digits, '.', '_' and '-'.</param>
/// <param name="Level">A difficulty label (L1..L6 or any other); statistics are grouped by it.</param>
/// <param name="Prompt">Everything the agent is told.</param>
/// <param name="Workspace">Where the starting files come from.</param>
/// <param name="Accept">Commands run in the workspace after the agent; all must succeed for a pass.</param>
public sealed record BenchTask(
    string Id,
    string Level,
    string Prompt,
    BenchWorkspaceSource Workspace,
    IReadOnlyList<ConfiguredCommand> Accept)
{
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(10);

    /// <summary>A directory (absolute) whose files are copied over the workspace after the agent stops: hidden tests.</summary>
    public string? AcceptFiles { get; init; }

    /// <summary>The agent's wall-clock limit; past it the agent (and every process it started) is stopped.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The wall-clock limit of each acceptance command.</summary>
    public TimeSpan AcceptTimeout { get; init; } = DefaultTimeout;

    /// <summary>Paths (relative to the workspace) that must exist after the agent stops.</summary>
    public IReadOnlyList<string> ExpectFiles { get; init; } = [];

    /// <summary>Globs (relative to the workspace) the agent must not create, change or delete.</summary>
    public IReadOnlyList<string> Protected { get; init; } = [];

    /// <summary>A command the agent may run to check its work (visible tests, a build); never the acceptance.</summary>
    public ConfiguredCommand? Check { get; init; }

    /// <summary>The reference solution, applied by the reference agent to prove the task solvable.</summary>
    public BenchSolution? Solution { get; init; }

    /// <summary>The first line of the prompt, short enough for a progress line.</summary>
    public string Title
    {
        get
        {
            var line = Prompt.Split('\n', 2)[0].Trim();
            return line.Length <= 80 ? line : line[..77] + "...";
        }
    }
}
