using Nightshift.Files;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Agents;
using Nightshift.Workloads.Bench.Running;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Tests.Bench;

/// <summary>Runs benches in a temporary project directory.</summary>
internal static class BenchFixture
{
    /// <summary>The starter suite of Rust tasks, examples/bench/rust.yml.</summary>
    public static string RustSuite => StarterSuite("rust");

    /// <summary>The starter suite of C# tasks, examples/bench/csharp.yml.</summary>
    public static string CSharpSuite => StarterSuite("csharp");

    /// <summary>A starter suite under examples/bench by name.</summary>
    public static string StarterSuite(string name) => Path.Combine(Binaries.RepositoryRoot, "examples", "bench", name + ".yml");

    public static BenchRunOptions Options(TempDir project) => new()
    {
        Paths = NightshiftPaths.For(project.Path),
        WorkspaceDirectory = project["workspaces"],
        InfraRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    public static Task<BenchOutcome> RunAsync(
        BenchSuite suite, BenchRunOptions options, IBenchAgentFactory agents, List<BenchEvent>? events = null, IPauseGate? gate = null) =>
        new BenchRunner(options, agents, gate, TestSandbox.Runner()).RunAsync(suite, e => events?.Add(e), CancellationToken.None);
}
