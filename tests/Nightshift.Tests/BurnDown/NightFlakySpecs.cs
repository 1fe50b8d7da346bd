using System.Text.Json.Nodes;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.BurnDown;

/// <summary>
/// A flaky test across landings: the baseline's two runs (<c>tests.runs: 2</c>) see it pass, then fail, and quarantine it. The
/// test fails on every other run of the whole night, so whichever attempt's single verification run comes after the first
/// landing may see it fail. Quarantine found at the baseline must hold all night: every fixable cluster still lands.
/// </summary>
public sealed class NightFlakySpecs
{
    [Fact(Timeout = 240_000)]
    public async Task A_test_the_baseline_found_flaky_stays_quarantined_after_a_fix_lands_so_it_never_rejects_a_fix()
    {
        using var repo = await NightRepo.CreateAsync();
        // In the worker's target folder: the one place outside its worktree a sandboxed test may write, and the same for
        // every worktree of the night's single worker.
        var counter = repo.Repo[".nightshift/target/worker-0/flaky-counter"];
        try
        {
            repo.Repo.Write("tests/flaky.rs", """
                // Passes on even runs and fails on odd ones, counted across every worktree of the night.
                #[test]
                fn flaky_every_other_run() {
                    let path = std::path::Path::new(&std::env::var("CARGO_TARGET_DIR").unwrap()).join("flaky-counter");
                    let n: u32 = std::fs::read_to_string(&path).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(0);
                    std::fs::write(&path, (n + 1).to_string()).unwrap();
                    assert!(n % 2 == 0, "run {n} of the night");
                }
                """);
            repo.Repo.Write("nightshift.yml", repo.Repo.Read("nightshift.yml").Replace(
                "  format: cargo-test\n", "  format: cargo-test\n  runs: 2\n", StringComparison.Ordinal));
            await repo.Repo.CommitAllAsync("a flaky test, and two baseline runs");

            var run = await CliRun.InProcessAsync(repo.Path, ["run", "--json"]);

            run.ExitCode.Should().Be(0, run.Err);
            var result = JsonNode.Parse(run.Out)!;
            result["stop_reason"]!.GetValue<string>().Should().Be("clusters_exhausted");
            (await repo.SubjectsAsync()).Should().Equal(NightRepo.CleanSubjects);
            int.Parse(File.ReadAllText(counter), System.Globalization.CultureInfo.InvariantCulture)
                .Should().BeGreaterThanOrEqualTo(5, "the flaky test ran at the baseline (twice) and in every verified attempt, failing on odd runs");
        }
        finally
        {
            File.Delete(counter);
        }
    }
}
