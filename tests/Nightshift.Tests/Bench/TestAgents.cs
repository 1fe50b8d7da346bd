using Nightshift.Agents;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Agents;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Tests.Bench;

/// <summary>An agent whose behaviour a test writes as a lambda.</summary>
internal sealed class LambdaAgent(string name, Func<AgentRequest, CancellationToken, Task<AgentResult>> run) : IAgent
{
    public string Name => name;

    public int Calls { get; private set; }

    public Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        Calls++;
        return run(request, cancellationToken);
    }

    public static AgentResult Finished(int steps = 1) => new(AgentStopReason.Finished, new AgentUsage(100, 20, 0.01m), steps);
}

/// <summary>Agents by name: the test's own first, then the built-in reference and none.</summary>
internal sealed class TestAgentFactory(params IAgent[] agents) : IBenchAgentFactory
{
    public BenchAgent Create(BenchAgentSpec spec, BenchSuite suite) =>
        agents.FirstOrDefault(a => a.Name == spec.Name) is { } agent
            ? new BenchAgent(spec.Name, agent, AgentBudget.Unlimited)
            : BuiltInBenchAgents.TryCreate(spec, suite, TestSandbox.Runner())
              ?? throw new InvalidOperationException($"The test wired no agent '{spec.Name}'.");
}

/// <summary>Agents that misbehave in the ways a bench must catch.</summary>
internal static class Misbehaving
{
    /// <summary>Writes its own file over every acceptance path of the task: cheating on the hidden tests.</summary>
    public static LambdaAgent HiddenTestEditor(BenchSuite suite) => new("cheater", async (request, cancellationToken) =>
    {
        var hidden = suite.FindTask(request.Task.Id).AcceptFiles!;
        foreach (var file in Directory.EnumerateFiles(hidden, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(request.Worktree, Path.GetRelativePath(hidden, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, "// nothing to check here\n", cancellationToken);
        }

        return LambdaAgent.Finished();
    });
}
