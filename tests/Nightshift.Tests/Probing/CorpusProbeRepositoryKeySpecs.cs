using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Probing;
using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Probing;

/// <summary>
/// A generator's corpus in a git checkout: the generator is a tracked file outside the items, which the default
/// cache key holds, so a fix to it re-probes every item while a change to one input re-probes that one.
/// </summary>
public sealed class CorpusProbeRepositoryKeySpecs : IAsyncLifetime, IDisposable
{
    private readonly TempDir _state = new("probe-key");
    private readonly Journal _journal;
    private GitRepo _repo = null!;

    public CorpusProbeRepositoryKeySpecs() => _journal = Journal.Open(_state["nightshift.db"]);

    public async Task InitializeAsync()
    {
        _repo = await GitRepo.InitAsync("generator");
        // The "generator" copies each input into {work} with its own prefix; the "compiler" is cat.
        _repo.Write("gen.sh", "#!/bin/sh\nsed 's/$/ (gen1)/' \"$1\" > \"$2\"\n");
        for (var i = 1; i <= 5; i++)
        {
            _repo.Write($"corpus/p{i}.in", $"p{i}.rs:1:1: error: item {i}\n");
        }

        _repo.Write("README.md", "a generator\n");
        await _repo.CommitAllAsync("generator and corpus");
    }

    [Fact(Timeout = 60_000)]
    public async Task Changing_one_input_reruns_that_item_and_changing_the_generator_reruns_them_all()
    {
        var first = await ProbeAsync();
        var unchanged = await ProbeAsync();
        _repo.Write("corpus/p3.in", "p3.rs:2:1: error: item 3 changed\n");
        var oneInput = await ProbeAsync();
        _repo.Write("gen.sh", "#!/bin/sh\nsed 's/$/ (gen2)/' \"$1\" > \"$2\"\n");
        var generator = await ProbeAsync();

        Ran(first).Should().HaveCount(5);
        Ran(unchanged).Should().BeEmpty();
        Ran(oneInput).Should().Equal("corpus/p3.in");
        Ran(generator).Should().HaveCount(5);
        generator.Diagnostics.Should().OnlyContain(d => d.Message.EndsWith("(gen2)", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_staged_generator_change_counts_like_an_edited_one_and_untracked_files_do_not()
    {
        await ProbeAsync();
        _repo.Write("notes.txt", "untracked scratch\n");
        var untracked = await ProbeAsync();
        _repo.Write("gen.sh", "#!/bin/sh\nsed 's/$/ (gen3)/' \"$1\" > \"$2\"\n");
        await _repo.GitAsync("add", "gen.sh");
        var staged = await ProbeAsync();
        var again = await ProbeAsync();

        Ran(untracked).Should().BeEmpty();
        Ran(staged).Should().HaveCount(5);
        Ran(again).Should().BeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task Declared_inputs_narrow_the_key_to_the_files_they_name()
    {
        var narrowed = Config(inputs: ["gen.sh"]);
        await ProbeAsync(narrowed);
        _repo.Write("README.md", "a generator, documented\n");
        var readme = await ProbeAsync(narrowed);
        var byDefault = await ProbeAsync();
        _repo.Write("gen.sh", "#!/bin/sh\nsed 's/$/ (gen4)/' \"$1\" > \"$2\"\n");
        var generator = await ProbeAsync(narrowed);

        Ran(readme).Should().BeEmpty();
        Ran(byDefault).Should().HaveCount(5, "the default key holds every tracked file, the README too");
        Ran(generator).Should().HaveCount(5);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_glob_input_holds_every_file_it_matches()
    {
        _repo.Write("gen/lib.sh", "# helpers\n");
        var globbed = Config(inputs: ["gen/**/*.sh"]);
        await ProbeAsync(globbed);
        _repo.Write("gen/more/extra.sh", "# more helpers\n");

        var added = await ProbeAsync(globbed);

        Ran(added).Should().HaveCount(5);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _journal.Dispose();
        _state.Dispose();
        _repo?.Dispose();
    }

    private static List<string> Ran(Snapshot snapshot) => [.. snapshot.Items.Where(i => !i.Cached).Select(i => i.Item)];

    private static ProbeConfig Config(IReadOnlyList<string>? inputs = null) => new()
    {
        Jobs = 2,
        ItemTimeout = TimeSpan.FromSeconds(30),
        Corpus = new CorpusConfig
        {
            Items = ["corpus/*.in"],
            Steps = [["sh", "{root}/gen.sh", "{item}", "{work}/{stem}.out"], ["cat", "{work}/{stem}.out"]],
            Inputs = inputs ?? [],
            Format = DiagnosticFormat.Gcc,
        },
    };

    private Task<Snapshot> ProbeAsync(ProbeConfig? config = null) =>
        new CorpusProbe(config ?? Config(), new ProbeCache(_journal), runner: TestSandbox.Runner())
            .RunAsync(_repo.Path, ProbeOptions.Default, null, CancellationToken.None);
}
