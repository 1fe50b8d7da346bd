using System.Diagnostics;
using System.Text.Json.Nodes;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Tests.Bench;

/// <summary>The real CLI killed with SIGKILL in the middle of a bench, then resumed: nothing lost, nothing run twice.</summary>
public sealed class BenchKillSpecs : IDisposable
{
    private readonly TempDir _killed = new("bench-killed");
    private readonly TempDir _whole = new("bench-whole");

    [Fact(Timeout = 600_000)]
    public async Task A_bench_killed_halfway_and_resumed_records_what_an_uninterrupted_bench_records()
    {
        var planned = 3 * SuiteLoader.Load(BenchFixture.RustSuite).Tasks.Count;
        string[] bench = ["bench", "run", BenchFixture.RustSuite, "--agent", "reference", "--repeat", "3"];
        var uninterrupted = CliRun.SubprocessAsync(_whole.Path, [.. bench, "--jobs", "2"]);

        var runs = await RunUntilKilledAsync(_killed.Path, [.. bench, "--jobs", "1"], recordedRuns: planned / 2);
        var id = Path.GetFileName(Directory.GetDirectories(_killed[".nightshift/bench"]).Single());
        var resumed = await CliRun.SubprocessAsync(_killed.Path, ["bench", "run", BenchFixture.RustSuite, "--resume", id]);
        var whole = await uninterrupted;

        runs.Should().BeInRange(planned / 2, planned - 1, "the kill came halfway");
        resumed.ExitCode.Should().Be(ExitCodes.Ok, resumed.Err);
        whole.ExitCode.Should().Be(ExitCodes.Ok, whole.Err);
        resumed.Err.Should().Contain($"{runs} already done");
        var resumedManifest = Manifest(_killed);
        var wholeManifest = Manifest(_whole);
        resumedManifest["runs"]!.AsArray().Should().HaveCount(planned);
        resumedManifest["status"]!.GetValue<string>().Should().Be("completed");
        resumedManifest["summary"]!["totals"]!["passed"]!.GetValue<int>().Should().Be(planned);
        WithoutTimings(resumedManifest).ToJsonString().Should().Be(WithoutTimings(wholeManifest).ToJsonString());
    }

    /// <summary>Starts the CLI and kills it (SIGKILL, no chance to clean up) once it has recorded some runs.</summary>
    private static async Task<int> RunUntilKilledAsync(string workingDirectory, string[] args, int recordedRuns)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Binaries.CliAssembly);
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        var runs = Path.Combine(workingDirectory, ".nightshift", "bench");
        while (Count(runs) < recordedRuns)
        {
            process.HasExited.Should().BeFalse("the bench must still be running when it is killed");
            await Task.Delay(50);
        }

        process.Kill();
        await process.WaitForExitAsync();
        await drain;
        return Count(runs);
    }

    private static int Count(string store) => !Directory.Exists(store)
        ? 0
        : Directory.EnumerateFiles(store, "*.json", SearchOption.AllDirectories).Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == "runs");

    private static JsonNode Manifest(TempDir project) =>
        JsonNode.Parse(File.ReadAllText(Directory.GetFiles(project[".nightshift/bench"], "bench.json", SearchOption.AllDirectories).Single()))!;

    /// <summary>The manifest without its id (a timestamp) and every time and duration (*_at, *_ms).</summary>
    private static JsonNode WithoutTimings(JsonNode manifest)
    {
        var copy = manifest.DeepClone();
        copy.AsObject().Remove("id");
        Strip(copy);
        return copy;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(k => k.EndsWith("_at", StringComparison.Ordinal) || k.EndsWith("_ms", StringComparison.Ordinal)).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var property in obj)
                {
                    Strip(property.Value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }

                break;
        }
    }

    public void Dispose()
    {
        _killed.Dispose();
        _whole.Dispose();
    }
}
