using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Agents;
using Nightshift.Workloads.Bench.Running;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Tests.Bench;

/// <summary>Runs benches in a temporary project directory.</summary>
internal static class BenchFixture
{
    public static string StarterSuite => Path.Combine(Binaries.RepositoryRoot, "examples", "bench", "rust-basics.yml");

    public static BenchRunOptions Options(TempDir project) => new()
    {
        StoreDirectory = project[".nightshift/bench"],
        WorkspaceDirectory = project["workspaces"],
        InfraRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    public static Task<BenchOutcome> RunAsync(
        BenchSuite suite, BenchRunOptions options, IBenchAgentFactory agents, List<BenchEvent>? events = null, IPauseGate? gate = null) =>
        new BenchRunner(options, agents, gate).RunAsync(suite, e => events?.Add(e), CancellationToken.None);
}
