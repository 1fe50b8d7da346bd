using System.Collections.Concurrent;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Training;

namespace Nightshift.Tests.Learn;

public sealed class TrainerSpecs
{
    private const string LossPattern = @"step (?<step>\d+): loss=(?<loss>[0-9.]+)";
    private static readonly Trainer _trainer = new(new ProcessRunner());

    [Fact(Timeout = 60_000)]
    public async Task The_trainer_gets_the_dataset_and_a_fresh_output_and_its_losses_log_and_model_are_recorded()
    {
        using var dir = new TempDir("train");
        var script = FakeTrainer.Write(dir, modelLine: "model: ft:nightshift:adapter-7");
        var dataset = dir.Write("data/train.jsonl", "{\"messages\":[]}\n{\"messages\":[]}\n");
        var lines = new ConcurrentQueue<TrainingLine>();
        var config = new TrainConfig { Command = ConfiguredCommand.Argv(["sh", script, "{dataset}", "{output}"]), LossPattern = LossPattern };

        var run = await _trainer.RunAsync(
            config, dir.Path, dataset, dir["run/model"], dir["run/train.log"], new SyncProgress<TrainingLine>(lines.Enqueue), CancellationToken.None);

        run.Succeeded.Should().BeTrue(run.Error);
        run.ModelId.Should().Be("ft:nightshift:adapter-7");
        run.Losses.Should().Equal(new LossPoint(10, 2.5), new LossPoint(20, 1.25), new LossPoint(30, 0.5));
        run.FinalLoss.Should().Be(0.5);
        run.ExitCode.Should().Be(0);
        File.ReadAllText(dir["run/model/adapter.bin"]).Should().Be("2 examples\n", "the trainer read {dataset} and wrote into {output}");
        var log = await File.ReadAllLinesAsync(dir["run/train.log"]);
        log.Should().Contain("loading 2 examples").And.Contain("step 20: loss=1.25").And.Contain("warming up on stderr");
        lines.Select(l => l.Text).Should().BeEquivalentTo(log);
        lines.Where(l => l.Loss is not null).Select(l => l.Loss!.Loss).Should().Equal(2.5, 1.25, 0.5);
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_model_line_the_model_id_file_names_the_model()
    {
        using var dir = new TempDir("train");
        var script = FakeTrainer.Write(dir, modelLine: null, modelIdFile: "adapter-from-file");
        var config = new TrainConfig { Command = ConfiguredCommand.Argv(["sh", script, "{dataset}", "{output}"]) };

        var run = await _trainer.RunAsync(config, dir.Path, dir.Write("d.jsonl", "\n"), dir["out"], dir["log"], null, CancellationToken.None);

        run.ModelId.Should().Be("adapter-from-file");
        run.Losses.Should().BeEmpty("no loss pattern is configured");
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_model_line_or_file_the_output_folder_is_the_model()
    {
        using var dir = new TempDir("train");
        var script = FakeTrainer.Write(dir, modelLine: null);
        var config = new TrainConfig { Command = ConfiguredCommand.Argv(["sh", script, "{dataset}", "{output}"]) };

        var run = await _trainer.RunAsync(config, dir.Path, dir.Write("d.jsonl", "\n"), dir["out"], dir["log"], null, CancellationToken.None);

        run.ModelId.Should().Be(dir["out"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_trainer_that_names_no_model_has_failed()
    {
        using var dir = new TempDir("train");
        var config = new TrainConfig { Command = ConfiguredCommand.Shell("echo 'step 1: loss=0.1'") };

        var run = await _trainer.RunAsync(config, dir.Path, dir.Write("d.jsonl", "\n"), dir["out"], dir["log"], null, CancellationToken.None);

        run.Succeeded.Should().BeFalse();
        run.ModelId.Should().BeNull();
        run.Error.Should().Contain("exited 0 but named no model");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_trainer_that_fails_is_a_failed_run_with_its_exit_code()
    {
        using var dir = new TempDir("train");
        var config = new TrainConfig { Command = ConfiguredCommand.Shell("echo 'model: half-done'; echo 'out of memory' >&2; exit 3") };

        var run = await _trainer.RunAsync(config, dir.Path, dir.Write("d.jsonl", "\n"), dir["out"], dir["log"], null, CancellationToken.None);

        run.Succeeded.Should().BeFalse();
        run.ModelId.Should().BeNull("a model from a failed run is not trusted");
        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain("exited with 3").And.Contain(dir["log"]);
        (await File.ReadAllTextAsync(dir["log"])).Should().Contain("out of memory");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_shell_command_gets_its_paths_quoted()
    {
        using var dir = new TempDir("train");
        var dataset = dir.Write("my data/train set.jsonl", "one\ntwo\nthree\n");
        var config = new TrainConfig
        {
            Command = ConfiguredCommand.Shell("mkdir -p {output} && wc -l < {dataset} > {output}/count && echo model: counted"),
        };

        var run = await _trainer.RunAsync(config, dir.Path, dataset, dir["my out/model"], dir["log"], null, CancellationToken.None);

        run.Succeeded.Should().BeTrue(run.Error);
        (await File.ReadAllTextAsync(dir["my out/model/count"])).Trim().Should().Be("3");
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_a_step_group_the_nth_loss_line_is_step_n()
    {
        await Task.Yield();
        var parser = new LossParser(@"loss[:=] ?(?<loss>[0-9.eE+-]+)");

        parser.Parse("epoch 1 loss: 0.9").Should().Be(new LossPoint(1, 0.9));
        parser.Parse("nothing here").Should().BeNull();
        parser.Parse("loss=abc").Should().BeNull();
        parser.Parse("{'loss': 1, 'x'} loss=3e-2").Should().Be(new LossPoint(2, 0.03));
        new Action(() => _ = new LossParser("(?<step>\\d+)")).Should().Throw<ArgumentException>().WithMessage("*no group named 'loss'*");
    }
}

/// <summary>A trainer stand-in: reads the dataset, prints losses (one line on stderr), writes into the output folder.</summary>
internal static class FakeTrainer
{
    public static string Write(TempDir dir, string? modelLine, string? modelIdFile = null) => dir.Write("fake-train.sh", $"""
        set -e
        dataset="$1"; output="$2"
        count=$(grep -c . "$dataset" || true)
        echo "loading $count examples"
        echo "warming up on stderr" >&2
        for step in 10 20 30; do
          case $step in 10) loss=2.5;; 20) loss=1.25;; 30) loss=0.5;; esac
          echo "step $step: loss=$loss"
        done
        mkdir -p "$output"
        echo "$count examples" > "$output/adapter.bin"
        {(modelIdFile is null ? "" : $"echo '{modelIdFile}' > \"$output/model-id\"")}
        {(modelLine is null ? "" : $"echo '{modelLine}'")}
        """);
}

/// <summary>Reports on the calling thread, so a test sees every report before the call returns.</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
