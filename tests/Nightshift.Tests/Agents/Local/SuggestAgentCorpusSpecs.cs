using Nightshift.Agents;
using Nightshift.Agents.Local;
using Nightshift.Agents.Transcripts;
using Nightshift.Tests.Support;
using Xunit.Abstractions;

namespace Nightshift.Tests.Agents.Local;

/// <summary>
/// The offline agent on the whole bundled corpus (examples/rust-corpus), every code at once: one task per
/// program holding all of that program's diagnostics, checked with the real rustc. The outcome is measured
/// independently with <see cref="RustcOracle"/> after the agent ran.
/// </summary>
public sealed class SuggestAgentCorpusSpecs(ITestOutputHelper output)
{
    [Fact(Timeout = 600_000)]
    public async Task On_the_bundled_corpus_it_brings_24_of_52_programs_to_zero_errors_and_removes_30_of_59_errors()
    {
        using var temp = new TempDir("suggest-corpus");
        var worktree = temp["repo"];
        RustCorpus.CopyTo(worktree);
        var work = Directory.CreateDirectory(temp["rmeta"]).FullName;
        var state = temp[".nightshift"];
        var checks = CompilerChecks.Rustc(worktree, work);
        var items = Directory.GetFiles(Path.Combine(worktree, "corpus"), "*.rs").Order(StringComparer.Ordinal).ToList();
        var before = await RustcOracle.CheckAllAsync(items, CancellationToken.None);

        var results = new AgentResult[items.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options, async (i, token) =>
        {
            var item = Path.GetRelativePath(worktree, items[i]);
            var diagnostics = await checks.CheckAsync([item], token);
            var id = Path.GetFileNameWithoutExtension(item);
            var task = new AgentTask(id, "cluster", $"Fix {item}", new Dictionary<string, string>(), diagnostics);
            await using var transcript = new TranscriptFile(NightshiftFolder.Of(state).TranscriptFor(id));
            var request = new AgentRequest(task, worktree, AgentBudget.Unlimited with { MaxSteps = 10 }, checks, transcript);
            results[i] = await new SuggestAgent().RunAsync(request, token);
        });
        var after = await RustcOracle.CheckAllAsync(items, CancellationToken.None);

        for (var i = 0; i < items.Count; i++)
        {
            output.WriteLine($"{Path.GetFileName(items[i])}: {before[i].Errors} -> {after[i].Errors} {string.Join(',', after[i].ErrorCodes.Keys)} | {results[i].StopReason} {results[i].Summary}");
        }

        var removed = before.Sum(o => o.Errors) - after.Sum(o => o.Errors);
        output.WriteLine($"zero errors: {after.Count(o => o.Errors == 0)}, compile: {after.Count(o => o.Compiles)}, removed: {removed}");
        before.Should().OnlyContain(o => !o.Compiles, "every corpus program starts broken");
        before.Sum(o => o.Errors).Should().Be(59);

        // Measured with rustc 1.95.0; the same figures tools/suggestions.py gives for the six codes whose
        // suggestions fix them (E0308, E0599, E0425, E0596, E0384, E0433).
        after.Count(o => o.Errors == 0).Should().Be(24);
        after.Count(o => o.Compiles).Should().Be(24);
        removed.Should().Be(30);
        after.Zip(before).Should().OnlyContain(pair => pair.First.Errors <= pair.Second.Errors, "no program got worse");
        results.Should().OnlyContain(r => r.StopReason == AgentStopReason.Finished && r.Usage.CostUsd == 0m);
        Directory.GetFiles(Path.Combine(state, "transcripts"), "*.jsonl").Should().HaveCount(items.Count);
    }
}
