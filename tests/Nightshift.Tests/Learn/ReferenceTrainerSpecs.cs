using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Store;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Training;

namespace Nightshift.Tests.Learn;

/// <summary>
/// trainers/lora_sft.py as far as it runs without torch: its arguments, and the datasets Nightshift writes, read and
/// mixed by --dry-run. Training itself needs a GPU machine (docs/learn.md).
/// </summary>
public sealed class ReferenceTrainerSpecs : IDisposable
{
    private static readonly string _script = Path.Combine(Binaries.RepositoryRoot, "trainers", "lora_sft.py");
    private readonly TempDir _dir = new("trainer");

    public ReferenceTrainerSpecs()
    {
        _dir.Write("tiny-model/config.json", """{"model_type": "llama"}""");
        _dir.Write("replay.jsonl", DatasetFixture.ReplayText(10, evalLine: 2));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dry_run_reads_the_dataset_nightshift_built_and_replays_half_by_default()
    {
        await BuildDatasetAsync();

        var halves = await TrainAsync("--dataset", "train.jsonl", "--output", "out", "--base-model", "./tiny-model", "--replay", "replay.jsonl", "--dry-run");
        var quarter = await TrainAsync(
            "--dataset", "train.jsonl", "--output", "out", "--base-model", "./tiny-model", "--replay", "replay.jsonl", "--replay-share", "0.25", "--dry-run");

        halves.ExitCode.Should().Be(0, halves.StandardError);
        halves.StandardOutput.Should().Be("dataset: 3 example(s) from train.jsonl\nreplay: 3 of 10 example(s) from replay.jsonl (share 50%)\ntotal: 6 example(s)\n");
        quarter.StandardOutput.Should().Contain("replay: 1 of 10 example(s)").And.Contain("total: 4 example(s)");
        Directory.Exists(_dir["out"]).Should().BeFalse("a dry run trains and writes nothing");
    }

    [Fact(Timeout = 60_000)]
    public async Task As_learn_train_s_command_it_gets_the_dataset_and_output_placeholders()
    {
        var dataset = await BuildDatasetAsync();
        var config = new TrainConfig
        {
            Command = ConfiguredCommand.Argv(["python3", "-B", _script, "--dataset", "{dataset}", "--output", "{output}", "--base-model", "./tiny-model", "--dry-run"]),
        };

        var run = await new Trainer(new ProcessRunner()).RunAsync(
            config, _dir.Path, dataset, _dir["models/c1/model"], _dir["models/c1/train.log"], null, CancellationToken.None);

        run.ExitCode.Should().Be(0, await File.ReadAllTextAsync(_dir["models/c1/train.log"]));
        (await File.ReadAllLinesAsync(_dir["models/c1/train.log"])).Should().Contain($"dataset: 3 example(s) from {dataset}").And.Contain("total: 3 example(s)");
        run.ModelId.Should().BeNull("a dry run names no model, so the learn loop counts it as a failed training");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("""{"messages":[{"role":"user","content":"fix it"}]}""", "bad.jsonl:2: the last message is from 'user'")]
    [InlineData("""{"messages":[{"role":"user"}]}""", "bad.jsonl:2: not a chat example")]
    [InlineData("not json", "bad.jsonl:2: not JSON")]
    public async Task A_line_that_is_not_a_chat_example_is_exit_2_naming_the_file_and_line(string line, string error)
    {
        _dir.Write("bad.jsonl", $"{DatasetFixture.ReplayText(1, evalLine: 0)}{line}\n");

        var run = await TrainAsync("--dataset", "bad.jsonl", "--output", "out", "--base-model", "./tiny-model", "--dry-run");

        run.ExitCode.Should().Be(2);
        run.StandardError.Should().Contain($"lora_sft.py: {error}");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("--replay-share", "1", "--replay-share must be from 0 up to 1")]
    [InlineData("--rank", "0", "--rank must be at least 1")]
    [InlineData("--base-model", "./no-such-model", "--base-model ./no-such-model is a path but not a model folder")]
    public async Task An_argument_out_of_range_is_exit_2(string option, string value, string error)
    {
        _dir.Write("train.jsonl", DatasetFixture.ReplayText(2, evalLine: 0));
        string[] arguments = ["--dataset", "train.jsonl", "--output", "out", "--base-model", "./tiny-model", "--dry-run", option, value];

        var run = await TrainAsync(option == "--base-model" ? [.. arguments.Where((_, i) => i is not (4 or 5))] : arguments);

        run.ExitCode.Should().Be(2);
        run.StandardError.Should().Contain(error);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_training_half_is_valid_python_that_imports_torch_only_when_training_starts()
    {
        var trainLoop = Path.Combine(Binaries.RepositoryRoot, "trainers", "train_loop.py");
        const string Check = """
            import ast, sys
            for path in sys.argv[1:]:
                ast.parse(open(path, encoding="utf-8").read(), path)
            tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
            top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
            print(" ".join(sorted(a.name.split(".")[0] for n in top for a in n.names)))
            """;
        var script = _dir.Write("check.py", Check);

        var run = await ToolRun.RunAsync("python3", ["-B", script, _script, trainLoop], _dir.Path, null, TimeSpan.FromSeconds(30), CancellationToken.None);

        run.ExitCode.Should().Be(0, run.StandardError);
        run.StandardOutput.Trim().Split(' ').Should().NotContain(["torch", "transformers", "peft"], "lora_sft.py imports them only when training starts");
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Seeds a journal and builds its dataset with the real CLI, as a learn cycle does; returns the dataset's path.</summary>
    private async Task<string> BuildDatasetAsync()
    {
        _dir.Write("nightshift.yml", "version: 1\n");
        await using (var journal = Journal.Open(NightshiftPaths.For(_dir.Path).Journal))
        {
            await DatasetFixture.SeedAsync(journal);
        }

        var build = await CliRun.InProcessAsync(_dir.Path, ["dataset", "build", "--out", "train.jsonl"]);
        build.ExitCode.Should().Be(0, build.Err);
        return _dir["train.jsonl"];
    }

    private Task<ToolRun> TrainAsync(params string[] arguments) =>
        ToolRun.RunAsync("python3", ["-B", _script, .. arguments], _dir.Path, null, TimeSpan.FromSeconds(30), CancellationToken.None);
}
