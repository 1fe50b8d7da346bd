using Nightshift.Agents.Providers;
using Nightshift.Agents.Tools;
using Nightshift.Attempts;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Execution;
using Nightshift.Git;
using Nightshift.Probing;
using Nightshift.Tests.Support;
using Nightshift.Workloads.BurnDown;
using Nightshift.Workspaces;

namespace Nightshift.Tests.BurnDown;

/// <summary>
/// The checks an agent runs in a generator's worktree, with a real worktree, build and probe: <c>build</c> copies
/// <c>gen.src</c> to the ignored <c>bin/gen</c>, the probe runs it on every corpus item. After an edit to the generator
/// (no corpus item), <c>run_check</c> still measures the target's sample items, and <c>show_generated</c> shows what the
/// edited generator writes.
/// </summary>
public sealed class GeneratorChecksSpecs : IAsyncLifetime, IDisposable
{
    private GitRepo _repo = null!;
    private Workspace _workspace = null!;
    private Toolbox _toolbox = null!;

    public async Task InitializeAsync()
    {
        _repo = await GitRepo.InitAsync("generator-checks");
        _repo.Write(".gitignore", "bin/\n.nightshift/\n");
        _repo.Write("gen.src", "#!/bin/sh\nsed 's/^/let x: i32 = /' \"$1\" > \"$2\"\necho \"$2:1:14: error: bad value\"\n");
        _repo.Write("build.sh", "#!/bin/sh\nmkdir -p bin && cp gen.src bin/gen\n");
        _repo.Write("corpus/a.in", "\"one\"\n");
        _repo.Write("corpus/b.in", "\"two\"\n");
        await _repo.CommitAllAsync("a generator");
        var repository = await GitRepository.OpenAsync(_repo.Path);
        _workspace = await new WorkspaceManager(repository).CreateAsync("1", await _repo.RevParseAsync("HEAD"), worker: 0, CancellationToken.None);
        var probe = new CorpusProbe(new ProbeConfig
        {
            Corpus = new CorpusConfig { Items = ["corpus/*.in"], Steps = [["sh", "{root}/bin/gen", "{item}", "{work}/{stem}.rs"]], Format = DiagnosticFormat.Gcc },
        }, runner: TestSandbox.Runner());
        var build = new BuildConfig { Command = ConfiguredCommand.Argv(["sh", "build.sh"]) };
        var measurer = new WorktreeMeasurer(probe, tests: null, build, TestSandbox.Runner());
        var checks = new WorktreeChecks(measurer, _workspace, ["corpus/a.in"]);
        _toolbox = new Toolbox(_workspace.Path, checks, new ProcessRunner(), new Nightshift.Execution.Redactor([]), observationLimit: 4_000);
    }

    [Fact(Timeout = 60_000)]
    public async Task Run_check_after_a_generator_edit_rebuilds_and_measures_the_sample_items()
    {
        // The edited generator reports another error: seeing it proves the generator was rebuilt and a sample item probed,
        // where the check once selected no item (gen.src is none) and answered "No diagnostics".
        File.WriteAllText(Path.Combine(_workspace.Path, "gen.src"), "#!/bin/sh\necho \"$2:1:1: error: still wrong\"\n");

        var observation = await _toolbox.RunAsync(ToolCallJson.Parse("call_1", "run_check", """{"files": ["gen.src"]}"""), CancellationToken.None);

        observation.Text.Should().Contain("Checked gen.src.").And.Contain("{work}/a.rs:1:1").And.Contain("still wrong").And.NotContain("bad value");
    }

    [Fact(Timeout = 60_000)]
    public async Task Run_check_shows_the_sample_items_errors_with_their_generated_file()
    {
        var observation = await _toolbox.RunAsync(ToolCallJson.Parse("call_1", "run_check", """{"files": ["gen.src"]}"""), CancellationToken.None);

        observation.Text.Should().Contain("{work}/a.rs:1:14").And.Contain("bad value");
    }

    [Fact(Timeout = 60_000)]
    public async Task Show_generated_runs_the_worktrees_generator_on_one_item_and_shows_its_output()
    {
        File.WriteAllText(Path.Combine(_workspace.Path, "gen.src"), "#!/bin/sh\nsed 's/^/let y: String = /' \"$1\" > \"$2\"\n");

        var observation = await _toolbox.RunAsync(ToolCallJson.Parse("call_1", "show_generated", """{"item": "corpus/b.in"}"""), CancellationToken.None);

        observation.Text.Should().Contain("Generated corpus/b.in.").And.Contain("{work}/b.rs:").And.Contain("    1 | let y: String = \"two\"");
    }

    public async Task DisposeAsync() => await _workspace.RemoveAsync(CancellationToken.None);

    public void Dispose() => _repo?.Dispose();
}
