#:project ../src/Nightshift/Nightshift.csproj
#:property OutputType=Exe
#:property PublishAot=false

// The offline agent (provider suggest) over every program of a copy of examples/rust-corpus, as
// bench/suggest.py times it: per program, a rustc check (the corpus probe's step), then SuggestAgent with
// that check as its re-check, two programs at a time like the probe; finally every program is checked
// again. Prints {"items", "errors_before", "errors_after", "zero_errors", "rustc_runs"} as JSON on stdout.
// Usage: dotnet run bench/suggest-corpus.cs -- <copy of examples/rust-corpus>
using Nightshift.Agents;
using Nightshift.Agents.Local;
using Nightshift.Agents.Transcripts;
using Nightshift.Diagnostics;
using Nightshift.Execution;

if (args is not [var root])
{
    Console.Error.WriteLine("usage: suggest-corpus <copy of examples/rust-corpus>");
    return 2;
}

root = Path.GetFullPath(root);
var work = Directory.CreateTempSubdirectory("suggest-corpus-").FullName;
var checks = new RustcChecks(root, work);
var items = Directory.GetFiles(Path.Combine(root, "corpus"), "*.rs").Order(StringComparer.Ordinal)
    .Select(f => Path.GetRelativePath(root, f)).ToList();
var before = new int[items.Count];
var after = new int[items.Count];
await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, token) =>
{
    var diagnostics = await checks.CheckAsync([items[i]], token);
    before[i] = diagnostics.Count(d => d.Severity == Severity.Error);
    var id = Path.GetFileNameWithoutExtension(items[i]);
    await using var transcript = TranscriptFile.Open(Path.Combine(work, "state"), id);
    var task = new AgentTask(id, "cluster", $"Fix {items[i]}", new Dictionary<string, string>(), diagnostics);
    await new SuggestAgent().RunAsync(new AgentRequest(task, root, AgentBudget.Unlimited with { MaxSteps = 10 }, checks, transcript), token);
    after[i] = (await checks.CheckAsync([items[i]], token)).Count(d => d.Severity == Severity.Error);
});
Directory.Delete(work, recursive: true);
Console.WriteLine(
    $"{{\"items\": {items.Count}, \"errors_before\": {before.Sum()}, \"errors_after\": {after.Sum()}, \"zero_errors\": {after.Count(e => e == 0)}, \"rustc_runs\": {checks.Runs}}}");
return 0;

/// <summary>The corpus probe's rustc step for one program at a time, read by Nightshift's rustc JSON parser.</summary>
internal sealed class RustcChecks(string root, string work) : IWorkspaceChecks
{
    private readonly ProcessRunner _runner = new();
    private readonly IDiagnosticParser _parser = DiagnosticParser.For(DiagnosticFormat.RustcJson);
    private int _runs;

    /// <summary>rustc runs so far, the agent's re-checks included.</summary>
    public int Runs => _runs;

    public async Task<IReadOnlyList<Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var file in files)
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var spec = CommandSpec.Of(
                "rustc", "--edition=2021", "--error-format=json", "--emit=metadata", "--crate-name", stem,
                "-o", Path.Combine(work, $"{stem}.rmeta"), file) with { WorkingDirectory = root, Timeout = TimeSpan.FromSeconds(60) };
            Interlocked.Increment(ref _runs);
            var result = await _runner.RunAsync(spec, cancellationToken);
            diagnostics.AddRange(_parser.Parse(result.StandardError).Select(d => d with { Item = file }));
        }

        return diagnostics;
    }

    public Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The offline agent never runs tests.");
}
