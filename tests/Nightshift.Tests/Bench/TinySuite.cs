using Nightshift.Agents;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Tests.Bench;

/// <summary>
/// A suite without cargo, for fast runner tests: each task's workspace holds answer.txt ("wrong"), the hidden
/// check.sh accepts only "right", notes.txt is protected, and the reference solution writes "right".
/// </summary>
internal static class TinySuite
{
    public static BenchSuite Create(TempDir dir, string[]? levels = null, string extra = "", string taskExtra = "")
    {
        levels ??= ["L1"];
        dir.Write("tiny/workspace/answer.txt", "wrong\n");
        dir.Write("tiny/workspace/notes.txt", "do not touch\n");
        dir.Write("tiny/hidden/check.sh", "grep -qx right answer.txt || { echo \"answer.txt says: $(cat answer.txt)\"; exit 3; }\n");
        dir.Write("tiny/solution/answer.txt", "right\n");
        var tasks = levels.Select((level, i) =>
            $"  - id: task{i + 1}\n    level: {level}\n    prompt: Make answer.txt say right.\n    workspace: tiny/workspace\n" +
            $"    accept_files: tiny/hidden\n    solution: tiny/solution\n{taskExtra}");
        var text = "version: 1\ndefaults:\n  timeout: 1m\n  accept: [sh, check.sh]\n  protected: [notes.txt]\ntasks:\n" + string.Concat(tasks) + extra;
        return SuiteLoader.LoadText(text, dir.Write("suite.yml", text));
    }

    public static BenchSuite WithAgents(this BenchSuite suite, params LambdaAgent[] agents) =>
        suite with { Agents = [.. agents.Select(a => new BenchAgentSpec(a.Name, "command"))] };

    /// <summary>Writes <paramref name="answer"/> into answer.txt.</summary>
    public static Task AnswerAsync(AgentRequest request, string answer, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(Path.Combine(request.Worktree, "answer.txt"), answer + "\n", cancellationToken);

    public static LambdaAgent Answering(string name, string answer) => new(name, async (request, cancellationToken) =>
    {
        await AnswerAsync(request, answer, cancellationToken);
        return LambdaAgent.Finished();
    });
}
