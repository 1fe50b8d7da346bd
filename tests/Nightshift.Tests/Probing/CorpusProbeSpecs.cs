using Nightshift.Diagnostics;
using Nightshift.Probing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Probing;

public sealed class CorpusProbeSpecs : IDisposable
{
    private readonly ProbeRepo _repo = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact(Timeout = 30_000)]
    public async Task Every_item_is_probed_in_ordinal_order_with_its_diagnostics_tagged_with_the_item()
    {
        _repo.AddItem("b.txt", "src/b.c:1:2: error: 'z' undeclared");
        _repo.AddItem("a.txt", "src/a.c:3:5: error: 'x' undeclared", "src/a.c:4:9: warning: unused variable 'y' [-Wunused-variable]");
        _repo.AddItem("C.txt");
        _repo.Write("items/skipped.md", "src/q.c:1:1: error: not an item");

        var snapshot = await new CorpusProbe(ProbeRepo.Corpus(), runner: TestSandbox.Runner()).RunAsync(_repo.Root, ProbeOptions.Default, null, _ct);

        snapshot.Items.Select(i => i.Item).Should().Equal("items/C.txt", "items/a.txt", "items/b.txt");
        snapshot.Items[1].Diagnostics.Should().HaveCount(2).And.OnlyContain(d => d.Item == "items/a.txt");
        snapshot.Items[1].Diagnostics[0].Location.Should().Be(new SourceSpan("src/a.c", 3, 5));
        snapshot.Items[0].Failed.Should().BeFalse();
        snapshot.Errors.Should().Be(2);
        snapshot.Warnings.Should().Be(1);
        snapshot.ItemsFailing.Should().Be(2);
        snapshot.Cached.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task Items_whose_names_read_as_options_are_passed_as_paths()
    {
        _repo.Write("-n.txt", "src/a.c:1:2: error: 'q' undeclared\n");
        _repo.Write("--help.txt", "src/b.c:3:4: error: 'r' undeclared\n");
        var config = ProbeRepo.Corpus();
        config = config with { Corpus = config.Corpus! with { Items = ["*.txt"] } };

        var snapshot = await new CorpusProbe(config, runner: TestSandbox.Runner()).RunAsync(_repo.Root, ProbeOptions.Default, null, _ct);

        snapshot.Items.Select(i => i.Item).Should().Equal("--help.txt", "-n.txt");
        snapshot.Items.SelectMany(i => i.Diagnostics).Select(d => d.Message)
            .Should().Equal(["'r' undeclared", "'q' undeclared"], "cat read each item as a file, not as --help or -n");
    }

    [Fact(Timeout = 30_000)]
    public async Task Placeholders_give_the_relative_item_its_stem_a_private_work_folder_and_the_root_and_steps_run_in_the_root()
    {
        _repo.AddItem("one.txt");
        var report = """echo "$1:1:1: error: stem=$2 work=$3 root=$4 pwd=$(pwd) scratch=$(test -d "$3" && echo yes)"; echo "$3" > "$4/work-seen" """;
        var config = ProbeRepo.Corpus([["sh", "-c", report, "sh", "{item}", "{stem}", "{work}", "{root}"]]);

        var snapshot = await new CorpusProbe(config, runner: TestSandbox.Runner()).RunAsync(_repo.Root, ProbeOptions.Default, null, _ct);

        var diagnostic = snapshot.Items.Single().Diagnostics.Single();
        var work = File.ReadAllText(_repo["work-seen"]).Trim();
        diagnostic.Location!.File.Should().Be("items/one.txt");
        // The scratch folder is named by its placeholder in what the probe keeps: it is gone after the item.
        diagnostic.Message.Should().Be($"stem=one work={{work}} root={_repo.Root} pwd={_repo.Root} scratch=yes");
        work.Should().NotStartWith(_repo.Root, "scratch space lives outside the checkout");
        Directory.Exists(work).Should().BeFalse("the work folder is deleted after the item");
    }

    [Fact(Timeout = 30_000)]
    public async Task Steps_run_in_order_and_a_failing_step_stops_the_item_with_its_diagnostics_parsed()
    {
        _repo.AddItem("a.txt");
        var config = ProbeRepo.Corpus(
        [
            ["sh", "-c", "echo \"$1:1:1: warning: first [-Wfirst]\"", "sh", "{item}"],
            ["sh", "-c", "echo \"$1:2:1: error: second\" >&2; exit 4", "sh", "{item}"],
            ["sh", "-c", "echo \"$1:3:1: error: third\"", "sh", "{item}"],
        ]);

        var item = (await new CorpusProbe(config, runner: TestSandbox.Runner()).RunAsync(_repo.Root, ProbeOptions.Default, null, _ct)).Items.Single();

        item.Diagnostics.Select(d => d.Message).Should().Equal("first", "second");
        item.ExitCode.Should().Be(4);
        item.Failed.Should().BeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_step_that_fails_without_reporting_an_error_leaves_a_step_failed_diagnostic_naming_it()
    {
        _repo.AddItem("a.txt");
        _repo.AddItem("b.txt");
        var config = ProbeRepo.Corpus([["sh", "-c", "if [ \"$1\" = items/a.txt ]; then echo 'segfault in codegen' >&2; exit 139; fi", "sh", "{item}"]]);

        var snapshot = await new CorpusProbe(config, runner: TestSandbox.Runner()).RunAsync(_repo.Root, ProbeOptions.Default, null, _ct);

        var failure = snapshot.Items[0].Diagnostics.Should().ContainSingle().Which;
        failure.Tool.Should().Be(ProbeFailures.Tool);
        failure.Code.Should().Be(ProbeFailures.StepFailedCode);
        failure.Severity.Should().Be(Severity.Error);
        failure.Item.Should().Be("items/a.txt");
        failure.Location!.File.Should().Be("items/a.txt");
        failure.Message.Should().Contain("step 1").And.Contain("signal 11").And.Contain("segfault in codegen");
        snapshot.Items[1].Diagnostics.Should().BeEmpty();
        snapshot.Clusters.Should().ContainSingle(c => c.Key.ToString() == "nightshift:error:step-failed");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_step_program_that_does_not_exist_fails_its_items_visibly()
    {
        _repo.AddItem("a.txt");

        var item = (await new CorpusProbe(ProbeRepo.Corpus([["no-such-compiler-xyz", "{item}"]]), runner: TestSandbox.Runner())
            .RunAsync(_repo.Root, ProbeOptions.Default, null, _ct)).Items.Single();

        item.ExitCode.Should().Be(127);
        item.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == ProbeFailures.StepFailedCode && d.Message.Contains("no-such-compiler-xyz") && d.Message.Contains("not found"));
    }

    [Fact(Timeout = 30_000)]
    public async Task An_item_over_its_time_limit_is_stopped_and_reported_as_a_probe_timeout()
    {
        _repo.AddItem("slow.txt");
        var config = ProbeRepo.Corpus([[Binaries.Dummy, "sleep", "60"]], itemTimeout: TimeSpan.FromSeconds(1));

        var item = (await new CorpusProbe(config, runner: TestSandbox.Runner()).RunAsync(_repo.Root, ProbeOptions.Default, null, _ct)).Items.Single();

        item.Failed.Should().BeTrue();
        item.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Tool == ProbeFailures.Tool && d.Code == ProbeFailures.TimeoutCode && d.Severity == Severity.Error
            && d.Message.Contains("item_timeout") && d.Message.Contains("sleep 60") && d.Item == "items/slow.txt");
    }

    [Fact(Timeout = 30_000)]
    public async Task Items_run_in_parallel_up_to_the_configured_jobs()
    {
        foreach (var name in new[] { "a.txt", "b.txt", "c.txt" })
        {
            _repo.AddItem(name);
        }

        Directory.CreateDirectory(_repo["started"]);
        Directory.CreateDirectory(_repo["running"]);
        // With three jobs, each item waits until all three have started: only a parallel run gets past it.
        var barrier = "touch started/$1; n=0; while [ $(ls started | wc -l) -lt 3 ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n+1)); done; " +
                      "[ $(ls started | wc -l) -ge 3 ] || { echo \"$1:1:1: error: ran alone\"; exit 1; }";
        // With one job, each item counts the items running beside it, which is exact when they run one by one.
        var count = "mkdir running/$1; echo \"$1:1:1: warning: running=$(ls running | wc -l) [-Wrunning]\"; rmdir running/$1";

        var parallel = await new CorpusProbe(ProbeRepo.Corpus([["sh", "-c", barrier, "sh", "{stem}"]], jobs: 3), runner: TestSandbox.Runner())
            .RunAsync(_repo.Root, ProbeOptions.Default, null, _ct);
        var sequential = await new CorpusProbe(ProbeRepo.Corpus([["sh", "-c", count, "sh", "{stem}"]], jobs: 1), runner: TestSandbox.Runner())
            .RunAsync(_repo.Root, ProbeOptions.Default, null, _ct);

        parallel.Errors.Should().Be(0);
        sequential.Diagnostics.Select(d => d.Message).Should().Equal("running=1", "running=1", "running=1");
    }

    [Fact(Timeout = 30_000)]
    public async Task Progress_is_reported_once_per_item_up_to_the_total()
    {
        _repo.AddItem("a.txt");
        _repo.AddItem("b.txt");
        var reports = new System.Collections.Concurrent.ConcurrentBag<ProbeProgress>();

        await new CorpusProbe(ProbeRepo.Corpus(), runner: TestSandbox.Runner()).RunAsync(_repo.Root, ProbeOptions.Default, new SynchronousProgress(reports.Add), _ct);

        reports.Select(r => r.Completed).Should().BeEquivalentTo([1, 2]);
        reports.Select(r => r.Item).Should().BeEquivalentTo(["items/a.txt", "items/b.txt"]);
        reports.Should().OnlyContain(r => r.Total == 2 && !r.Cached);
    }

    [Fact(Timeout = 30_000)]
    public async Task Only_the_requested_items_that_the_corpus_has_are_probed()
    {
        _repo.AddItem("a.txt", "src/a.c:1:1: error: a");
        _repo.AddItem("b.txt", "src/b.c:1:1: error: b");

        var snapshot = await new CorpusProbe(ProbeRepo.Corpus(), runner: TestSandbox.Runner()).RunAsync(
            _repo.Root, new ProbeOptions { Items = ["./items/b.txt", "items/not-there.txt"] }, null, _ct);

        snapshot.Items.Select(i => i.Item).Should().Equal("items/b.txt");
    }

    [Fact(Timeout = 30_000)]
    public async Task Files_under_the_nightshift_folder_are_never_items()
    {
        _repo.AddItem("a.txt");
        _repo.Write(".nightshift/worktrees/attempt-1/items/a.txt", "");
        var config = ProbeRepo.Corpus() with { Corpus = ProbeRepo.Corpus().Corpus! with { Items = ["**/*.txt"] } };

        var snapshot = await new CorpusProbe(config, runner: TestSandbox.Runner()).RunAsync(_repo.Root, ProbeOptions.Default, null, _ct);

        snapshot.Items.Select(i => i.Item).Should().Equal("items/a.txt");
    }

    [Fact(Timeout = 30_000)]
    public async Task Items_matching_an_exclude_glob_are_not_probed()
    {
        _repo.AddItem("a.txt", "src/a.c:1:1: error: a");
        _repo.AddItem("test_a.txt", "src/t.c:1:1: error: a test input");
        _repo.Write("items/deep/test_b.txt", "src/t.c:2:1: error: another test input\n");
        _repo.Write("items/deep/b.txt", "src/b.c:1:1: error: b\n");
        var config = ProbeRepo.Corpus() with { Corpus = ProbeRepo.Corpus().Corpus! with { Items = ["items/**/*.txt"], Exclude = ["**/test_*"] } };

        var snapshot = await new CorpusProbe(config, runner: TestSandbox.Runner()).RunAsync(_repo.Root, ProbeOptions.Default, null, _ct);

        snapshot.Items.Select(i => i.Item).Should().Equal("items/a.txt", "items/deep/b.txt");
        snapshot.Errors.Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_corpus_whose_every_item_is_excluded_names_the_excludes()
    {
        _repo.AddItem("test_a.txt");
        var config = ProbeRepo.Corpus() with { Corpus = ProbeRepo.Corpus().Corpus! with { Exclude = ["items/test_*"] } };

        var run = () => new CorpusProbe(config, runner: TestSandbox.Runner()).RunAsync(_repo.Root, ProbeOptions.Default, null, _ct);

        (await run.Should().ThrowAsync<ProbeException>()).Which.Message.Should().Contain("matches no file").And.Contain("probe.corpus.exclude (items/test_*)");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_corpus_that_matches_no_file_cannot_be_probed()
    {
        await Task.Yield();

        var run = () => new CorpusProbe(ProbeRepo.Corpus(), runner: TestSandbox.Runner()).RunAsync(_repo.Root, ProbeOptions.Default, null, _ct);

        (await run.Should().ThrowAsync<ProbeException>()).Which.Message.Should().Contain("items/*.txt").And.Contain("matches no file");
    }

    public void Dispose() => _repo.Dispose();

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants every report before RunAsync returns.</summary>
    private sealed class SynchronousProgress(Action<ProbeProgress> report) : IProgress<ProbeProgress>
    {
        public void Report(ProbeProgress value) => report(value);
    }
}
