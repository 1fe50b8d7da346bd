using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Tests.Learn;

public sealed class KoanCheckSpecs
{
    private static readonly KoanToolchain _toolchain = new(TestSandbox.Runner());

    [Fact(Timeout = 300_000)]
    public async Task Every_bundled_koan_fails_as_shipped_and_passes_with_its_reference_solution()
    {
        var checker = new KoanChecker(_toolchain);

        var results = await checker.CheckAsync(BundledKoans.Set.Koans, parallelism: 2, progress: null, CancellationToken.None);

        results.Where(r => !r.IsSound).Select(r => $"{r.Koan.Id}: {r.Problem}").Should().BeEmpty();
        results.Should().HaveCount(30);
        results.Count(r => !r.Before.Compiled).Should().BeGreaterThan(20, "most koans are compile errors");
        results.Should().Contain(r => r.Before.Compiled && r.Before.Failed > 0, "some koans compile and fail their tests");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_koan_that_does_not_compile_reports_rustcs_errors_with_paths_inside_the_workspace()
    {
        using var workspace = KoanWorkspace.Create(BundledKoans.Get("borrow-push-while-iterating"));

        var run = await _toolchain.TestAsync(workspace.Path, workspace.BinDirectory, CancellationToken.None);

        run.Compiled.Should().BeFalse();
        run.IsGreen.Should().BeFalse();
        var error = run.Errors.Should().ContainSingle().Which;
        error.Code.Should().Be("E0502");
        error.Location!.File.Should().Be("src/lib.rs");
        error.Location.Line.Should().Be(5);
        run.Output.Should().Contain("cannot borrow `*numbers` as mutable");
        run.Describe().Should().Be("does not compile (E0502)");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_fix_that_drops_the_tests_module_is_not_green()
    {
        var koan = BundledKoans.Get("option-average-empty");
        using var workspace = KoanWorkspace.Create(koan);
        var solution = await File.ReadAllTextAsync(koan.SolutionPath);
        await File.WriteAllTextAsync(workspace.SourcePath, solution.Replace("#[cfg(test)]\nmod tests;", "", StringComparison.Ordinal));

        var run = await _toolchain.TestAsync(workspace.Path, workspace.BinDirectory, CancellationToken.None);

        run.Compiled.Should().BeTrue();
        run.Passed.Should().Be(0);
        run.ExpectedTests.Should().Be(2);
        run.IsGreen.Should().BeFalse();
    }

    [Fact(Timeout = 120_000)]
    public async Task Restoring_the_tests_undoes_an_edit_to_them()
    {
        var koan = BundledKoans.Get("option-average-empty");
        using var workspace = KoanWorkspace.Create(koan);
        var tests = Path.Combine(workspace.Path, Koan.TestsFile);
        await File.WriteAllTextAsync(tests, "use super::*;\n");

        workspace.RestoreTests();

        (await File.ReadAllTextAsync(tests)).Should().Be(await File.ReadAllTextAsync(koan.TestsPath));
        File.Exists(Path.Combine(workspace.Path, "solution", "lib.rs")).Should().BeFalse("a workspace never holds the solution");
    }

    [Fact(Timeout = 120_000)]
    public async Task The_check_command_fails_and_names_a_koan_whose_broken_program_already_passes()
    {
        using var dir = new TempDir("koans");
        KoanSetSpecs.WriteKoan(dir, "demo", "sound-koan");
        KoanSetSpecs.WriteKoan(dir, "demo", "already-passes", source: "pub fn one() -> i32 {\n    1\n}\n\n#[cfg(test)]\nmod tests;\n");
        dir.Write("koans.yml", """
            koans:
              - { id: sound-koan, category: demo, difficulty: 1, split: train, title: "sound" }
              - { id: already-passes, category: demo, difficulty: 1, split: eval, title: "passes" }
            """);

        var result = await CliRun.InProcessAsync(dir.Path, ["koans", "check", "--koans", dir.Path]);

        result.ExitCode.Should().Be(1);
        result.Out.Should().Contain("ok   sound-koan").And.Contain("FAIL already-passes");
        result.Err.Should().Contain("koan already-passes: the broken program already passes its tests")
            .And.Contain("1 of 2 koans sound");
    }
}
