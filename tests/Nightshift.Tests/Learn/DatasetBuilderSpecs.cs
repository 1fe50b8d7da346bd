using Nightshift.Attempts.Episodes;
using Nightshift.Store;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Datasets;

namespace Nightshift.Tests.Learn;

public sealed class DatasetBuilderSpecs
{
    private static readonly DatasetBuilder _builder = new(new EvalGuard(BundledKoans.Set));

    [Fact(Timeout = 30_000)]
    public async Task Accepted_fixes_that_followed_a_failure_or_started_from_errors_become_the_examples()
    {
        using var dir = new TempDir("dataset");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var episodes = await DatasetFixture.SeedAsync(journal);

        var dataset = _builder.Build(episodes, replay: null, new DatasetOptions());

        dataset.Examples.Select(e => (e.EpisodeId, e.TaskId, e.Reason)).Should().Equal(
            (episodes[1].Id, "cluster:rustc:E0502", ExampleReason.FailedThenFixed),
            (episodes[2].Id, "cluster:rustc:E0308", ExampleReason.ErrorsFixed),
            (episodes[6].Id, "koan:borrow-use-after-move", ExampleReason.ErrorsFixed));
        dataset.Counts.Should().Be(new DatasetCounts(
            Episodes: 11, ExcludedEval: 2, FailedThenFixed: 1, ErrorsFixed: 2, Duplicates: 1,
            ReplayAvailable: 0, ReplayExcludedEval: 0, ReplayDuplicates: 0, Replay: 0));
    }

    [Fact(Timeout = 30_000)]
    public async Task An_example_is_the_system_prompt_the_task_with_its_diagnostics_and_source_and_the_accepted_diff()
    {
        using var dir = new TempDir("dataset");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var episodes = await DatasetFixture.SeedAsync(journal);

        var example = _builder.Build(episodes, null, new DatasetOptions()).Examples[2].Example;

        example.Messages.Should().Equal(
            new ChatMessage("system", ExamplePrompt.System),
            new ChatMessage("user", """
                Task: Fix borrow-use-after-move (koan borrow-use-after-move)

                Diagnostics:
                error[E0382]: error E0382
                 --> src/lib.rs:3:5

                File src/lib.rs:
                ```rust
                pub fn greet(name: &str) -> usize {
                    let s = name.to_string();
                    drop(s);
                    s.len()
                }
                ```

                """),
            new ChatMessage("assistant", "--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -1,4 +1,4 @@\n-    drop(s);\n+    let n = s.len();\n"));
        example.ToLine().Should().StartWith("""{"messages":[{"role":"system","content":"You are Nightshift's repair agent.""")
            .And.NotContain("\n", "one example is one line");
    }

    [Fact(Timeout = 30_000)]
    public async Task No_eval_koan_gets_into_a_dataset_even_through_the_replay_buffer()
    {
        using var dir = new TempDir("dataset");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var episodes = await DatasetFixture.SeedAsync(journal);
        dir.Write("replay.jsonl", DatasetFixture.ReplayText(10, evalLine: 4));
        var replay = await ReplayBuffer.LoadAsync(dir["replay.jsonl"], CancellationToken.None);

        var dataset = _builder.Build(episodes, replay, new DatasetOptions { ReplayRatio = 0.9 });

        var text = string.Join('\n', dataset.Examples.Select(e => e.Example.ToLine()));
        foreach (var koan in BundledKoans.Set.Eval)
        {
            text.Should().NotContain(koan.Id);
        }

        dataset.Examples.Should().NotContain(e => e.ReplayLine == 4);
        dataset.Counts.ReplayExcludedEval.Should().Be(1);
        dataset.Counts.Replay.Should().Be(9, "0.9 asks for 27 replay examples and the buffer has 9 that are not eval");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_episode_that_carries_an_eval_koans_source_is_eval_material_whatever_its_task()
    {
        using var dir = new TempDir("dataset");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var seeder = new EpisodeSeeder(journal);
        var evalSource = await File.ReadAllTextAsync(BundledKoans.Get("option-average-empty").SourcePath);
        var disguised = await seeder.AddAsync(
            "burn-down", "tests:average", EpisodeOutcome.Accepted, ["E0000"], kind: "cluster", source: evalSource.Replace("    ", "\t", StringComparison.Ordinal));

        var dataset = _builder.Build([disguised], null, new DatasetOptions());

        dataset.Examples.Should().BeEmpty();
        dataset.Counts.ExcludedEval.Should().Be(1);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(0.2, 12, 3)]
    [InlineData(0.5, 3, 3)]
    [InlineData(0.25, 3, 1)]
    [InlineData(0.0, 3, 0)]
    public async Task Replay_examples_make_up_the_configured_share(double ratio, int newExamples, int expectedReplay)
    {
        await Task.Yield();
        new DatasetOptions { ReplayRatio = ratio }.ReplayCountFor(newExamples).Should().Be(expectedReplay);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_replay_draw_is_the_same_for_the_same_seed()
    {
        using var dir = new TempDir("dataset");
        await using var journal = Journal.Open(dir["nightshift.db"]);
        var episodes = await DatasetFixture.SeedAsync(journal);
        dir.Write("replay.jsonl", DatasetFixture.ReplayText(40, evalLine: 0));
        var replay = await ReplayBuffer.LoadAsync(dir["replay.jsonl"], CancellationToken.None);

        List<int?> Draw(int seed) => [.. _builder.Build(episodes, replay, new DatasetOptions { ReplayRatio = 0.5, Seed = seed })
            .Examples.Where(e => e.Reason == ExampleReason.Replay).Select(e => e.ReplayLine)];

        var seven = Draw(7);
        seven.Should().HaveCount(3).And.Equal(Draw(7));
        var others = Enumerable.Range(0, 5).Select(Draw).ToList();
        others.Should().Contain(lines => !lines.SequenceEqual(seven), "the seed chooses the lines");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_replay_buffer_with_a_line_that_is_not_a_chat_example_is_refused()
    {
        using var dir = new TempDir("dataset");
        dir.Write("replay.jsonl", DatasetFixture.ReplayText(2, 0) + "{\"prompt\":\"completion format\"}\n");

        var load = () => ReplayBuffer.LoadAsync(dir["replay.jsonl"], CancellationToken.None);

        await load.Should().ThrowAsync<NightshiftException>().WithMessage("Line 3 of the replay buffer * is not a chat example*");
    }

    [Fact(Timeout = 30_000)]
    public async Task Options_out_of_range_are_refused()
    {
        await Task.Yield();
        new Action(() => new DatasetOptions { ReplayRatio = 1 }.Validate()).Should().Throw<ArgumentOutOfRangeException>();
        new Action(() => new DatasetOptions { ReplayRatio = -0.1 }.Validate()).Should().Throw<ArgumentOutOfRangeException>();
        new Action(() => new DatasetOptions { DuplicateThreshold = 0 }.Validate()).Should().Throw<ArgumentOutOfRangeException>();
    }
}
