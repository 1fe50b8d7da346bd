using System.Runtime.Versioning;
using Nightshift.Probing;
using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Probing;

public sealed class CorpusProbeCacheSpecs : IDisposable
{
    private readonly ProbeRepo _repo = new();
    private readonly TempDir _state = new("probe-cache");
    private readonly Journal _journal;
    private readonly CancellationToken _ct = CancellationToken.None;

    public CorpusProbeCacheSpecs()
    {
        _journal = Journal.Open(_state["nightshift.db"]);
        _repo.AddItem("a.txt", "src/a.c:3:5: error: 'x' undeclared", "src/a.c:4:9: warning: unused variable 'y' [-Wunused-variable]");
        _repo.AddItem("b.txt", "src/b.c:1:2: error: 'z' undeclared");
        _repo.AddItem("c.txt");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_second_run_with_nothing_changed_reruns_no_item_and_reports_the_same_results()
    {
        var first = await ProbeAsync();

        var second = await ProbeAsync();

        first.Cached.Should().Be(0);
        second.Cached.Should().Be(3);
        second.Items.Should().OnlyContain(i => i.Cached && i.Duration == TimeSpan.Zero);
        second.Items.Select(i => (i.Item, i.ExitCode)).Should().Equal(first.Items.Select(i => (i.Item, i.ExitCode)));
        second.Diagnostics.Should().BeEquivalentTo(first.Diagnostics, o => o.WithStrictOrdering());
    }

    [Fact(Timeout = 30_000)]
    public async Task Changing_one_item_reruns_exactly_that_item()
    {
        await ProbeAsync();
        _repo.AddItem("b.txt", "src/b.c:1:2: error: 'w' undeclared");

        var second = await ProbeAsync();

        second.Items.Where(i => !i.Cached).Select(i => i.Item).Should().Equal("items/b.txt");
        second.Items[1].Diagnostics.Single().Message.Should().Be("'w' undeclared");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_copy_of_the_checkout_elsewhere_reuses_every_result_so_a_worktree_probe_only_runs_what_changed()
    {
        var original = await ProbeAsync();
        using var worktree = new TempDir("worktree");
        foreach (var item in new[] { "a.txt", "b.txt", "c.txt" })
        {
            worktree.Write($"items/{item}", File.ReadAllText(_repo[$"items/{item}"]));
        }

        worktree.Write("items/c.txt", "src/c.c:9:1: error: new in the worktree\n");

        var probed = await ProbeAsync(root: worktree.Path);

        probed.Items.Select(i => i.Cached).Should().Equal(true, true, false);
        probed.Items[0].Diagnostics.Should().BeEquivalentTo(original.Items[0].Diagnostics, o => o.WithStrictOrdering());
        probed.Items[2].Diagnostics.Single().Message.Should().Be("new in the worktree");
    }

    [Fact(Timeout = 30_000)]
    public async Task Changing_a_declared_input_reruns_every_item()
    {
        _repo.Write("tools/compiler.cfg", "level 1");
        var config = ProbeRepo.Corpus(inputs: ["tools/compiler.cfg"]);
        await ProbeAsync(config);

        var unchanged = await ProbeAsync(config);
        _repo.Write("tools/compiler.cfg", "level 2");
        var changed = await ProbeAsync(config);

        unchanged.Cached.Should().Be(3);
        changed.Cached.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    [UnsupportedOSPlatform("windows")]
    public async Task Changing_a_step_or_the_step_programs_version_reruns_every_item()
    {
        WriteFakeCompiler(_repo.Write);
        var config = ProbeRepo.Corpus([["{root}/tools/fakec", "{item}"]]);
        await ProbeAsync(config);

        var same = await ProbeAsync(config);
        _repo.Write("tools/version.txt", "fakec 2.0");
        var upgraded = await ProbeAsync(config);
        var otherStep = await ProbeAsync(ProbeRepo.Corpus([["{root}/tools/fakec", "./{item}"]]));

        same.Cached.Should().Be(3);
        upgraded.Cached.Should().Be(0);
        otherStep.Cached.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    [UnsupportedOSPlatform("windows")]
    public async Task A_step_program_inside_the_checkout_is_the_same_tool_in_a_copy_of_it()
    {
        WriteFakeCompiler(_repo.Write);
        var config = ProbeRepo.Corpus([["{root}/tools/fakec", "{item}"]]);
        await ProbeAsync(config);
        using var worktree = new TempDir("worktree");
        WriteFakeCompiler(worktree.Write);
        foreach (var item in new[] { "a.txt", "b.txt", "c.txt" })
        {
            worktree.Write($"items/{item}", File.ReadAllText(_repo[$"items/{item}"]));
        }

        var probed = await ProbeAsync(config, root: worktree.Path);

        probed.Cached.Should().Be(3);
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_the_cache_every_item_runs_and_the_fresh_results_are_still_stored()
    {
        await ProbeAsync();
        _repo.AddItem("a.txt", "src/a.c:1:1: error: changed");

        var uncached = await ProbeAsync(options: new ProbeOptions { UseCache = false });
        var after = await ProbeAsync();

        uncached.Cached.Should().Be(0);
        after.Cached.Should().Be(3);
        after.Items[0].Diagnostics.Single().Message.Should().Be("changed");
    }

    [Fact(Timeout = 30_000)]
    public async Task Timeouts_and_missing_tools_are_not_cached_because_they_depend_on_the_machine()
    {
        var slow = ProbeRepo.Corpus([[Binaries.Dummy, "sleep", "60"]], jobs: 3, itemTimeout: TimeSpan.FromMilliseconds(500));
        var missing = ProbeRepo.Corpus([["no-such-compiler-xyz", "{item}"]]);

        await ProbeAsync(slow);
        var slowAgain = await ProbeAsync(slow);
        await ProbeAsync(missing);
        var missingAgain = await ProbeAsync(missing);

        slowAgain.Cached.Should().Be(0);
        slowAgain.Diagnostics.Should().OnlyContain(d => d.Code == ProbeFailures.TimeoutCode);
        missingAgain.Cached.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_failing_item_is_cached_like_any_other()
    {
        var failing = ProbeRepo.Corpus([["sh", "-c", "exit 2"]]);
        await ProbeAsync(failing);

        var again = await ProbeAsync(failing);

        again.Cached.Should().Be(3);
        again.Items.Should().OnlyContain(i => i.ExitCode == 2 && i.Diagnostics.Single().Code == ProbeFailures.StepFailedCode);
    }

    public void Dispose()
    {
        _journal.Dispose();
        _state.Dispose();
        _repo.Dispose();
    }

    /// <summary>A "compiler" in the checkout whose --version comes from a file no step reads.</summary>
    [UnsupportedOSPlatform("windows")]
    private static void WriteFakeCompiler(Func<string, string, string> write)
    {
        write("tools/version.txt", "fakec 1.0");
        var path = write("tools/fakec", "#!/bin/sh\nif [ \"$1\" = --version ]; then cat \"$(dirname \"$0\")/version.txt\"; exit 0; fi\ncat \"$1\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private Task<Snapshot> ProbeAsync(Nightshift.Configuration.ProbeConfig? config = null, string? root = null, ProbeOptions? options = null) =>
        new CorpusProbe(config ?? ProbeRepo.Corpus(), new ProbeCache(_journal), runner: TestSandbox.Runner()).RunAsync(root ?? _repo.Root, options ?? ProbeOptions.Default, null, _ct);
}
