using System.Collections.Concurrent;
using Nightshift.Agents;
using Nightshift.Diagnostics;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.Local;

/// <summary>
/// The checks a probe would run for the offline agent, done for real: a compiler run on each file in the
/// worktree, its output read by Nightshift's parser for that compiler.
/// </summary>
internal sealed class CompilerChecks(string worktree, string compiler, Func<string, string[]> arguments, DiagnosticFormat format)
    : IWorkspaceChecks
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);
    private readonly IDiagnosticParser _parser = DiagnosticParser.For(format);

    /// <summary>Every file the agent asked to have checked, in order.</summary>
    public ConcurrentQueue<string> Checked { get; } = new();

    /// <summary>rustc with the flags of the corpus probe step (examples/rust-corpus/nightshift.yml); metadata goes to <paramref name="workDirectory"/>.</summary>
    public static CompilerChecks Rustc(string worktree, string workDirectory) => new(worktree, "rustc", file =>
    [
        "--edition=2021", "--error-format=json", "--emit=metadata",
        "--crate-name", Path.GetFileNameWithoutExtension(file),
        "-o", Path.Combine(workDirectory, $"{Path.GetFileNameWithoutExtension(file)}.rmeta"), file,
    ], DiagnosticFormat.RustcJson);

    /// <summary>gcc, syntax and types only, with its fix-it hints in parseable form.</summary>
    public static CompilerChecks Gcc(string worktree) => new(worktree, "gcc", file =>
        ["-fsyntax-only", "-fdiagnostics-parseable-fixits", "-fno-diagnostics-color", file], DiagnosticFormat.Gcc);

    public async Task<IReadOnlyList<Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var file in files)
        {
            Checked.Enqueue(file);
            var run = await ToolRun.RunAsync(compiler, arguments(file), worktree, environment: null, _timeout, cancellationToken);
            diagnostics.AddRange(_parser.Parse(run.StandardError).Select(d => d with { Item = file }));
        }

        return diagnostics;
    }

    public Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("These checks only compile; the offline agent never runs tests.");
}
