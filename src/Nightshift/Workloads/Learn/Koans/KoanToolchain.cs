using System.Text;
using System.Text.RegularExpressions;
using Nightshift.Diagnostics;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;
using Nightshift.Testing;

namespace Nightshift.Workloads.Learn.Koans;

/// <summary>
/// Compiles and tests koan workspaces. A koan is one crate without dependencies, so it is compiled as a
/// single file with <c>rustc --test</c> rather than through cargo: no manifest resolution, no lock file,
/// no target directory to share, about a third of a second per koan (docs/learn.md has the figures).
/// </summary>
public sealed partial class KoanToolchain(ProcessRunner runner, string rustc = "rustc")
{
    private const string Edition = "--edition=2021";
    private static readonly TimeSpan _compileTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan _testTimeout = TimeSpan.FromSeconds(60);
    private static readonly IDiagnosticParser _parser = DiagnosticParser.For(DiagnosticFormat.RustcJson);
    private static readonly ITestResultParser _tests = TestResults.For(TestFormat.CargoTest);

    /// <summary>
    /// Compiles <c>src/lib.rs</c> of <paramref name="workspace"/> with its tests into
    /// <paramref name="binDirectory"/> and runs them. Paths in diagnostics are relative to the workspace.
    /// </summary>
    public async Task<KoanRun> TestAsync(string workspace, string binDirectory, CancellationToken cancellationToken)
    {
        var expected = CountDeclaredTests(await File.ReadAllTextAsync(
            Path.Combine(workspace, Koan.TestsFile), cancellationToken).ConfigureAwait(false));
        var binary = Path.Combine(binDirectory, "koan-tests");
        var compile = await RustcAsync(workspace, binDirectory, ["--test", "-C", "debuginfo=0", "-o", binary], cancellationToken)
            .ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = _parser.Parse(compile.StandardError);
        if (!compile.Succeeded)
        {
            return new KoanRun(false, diagnostics, [], expected, Render(diagnostics, compile));
        }

        var run = await runner.RunAsync(
            new CommandSpec(binary, ["--test-threads=2"])
            {
                WorkingDirectory = workspace,
                Timeout = _testTimeout,
                Confinement = Confinement.Of(workspace, binDirectory),
            },
            cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var output = run.StopCause == StopCause.TimedOut
            ? $"the tests ran longer than {_testTimeout.TotalSeconds:0} s and were stopped\n{run.StandardOutput}{run.StandardError}"
            : run.StandardOutput + run.StandardError;
        return new KoanRun(true, diagnostics, _tests.Parse(output, run.ExitCode), expected, output);
    }

    /// <summary>rustc's diagnostics for the workspace (with its tests), without building anything: the agent's quick check.</summary>
    public async Task<IReadOnlyList<Diagnostic>> CheckAsync(string workspace, string binDirectory, CancellationToken cancellationToken)
    {
        var compile = await RustcAsync(
            workspace, binDirectory, ["--test", "--emit=metadata", "-o", Path.Combine(binDirectory, "koan.rmeta")], cancellationToken)
            .ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return _parser.Parse(compile.StandardError);
    }

    /// <summary>The number of <c>#[test]</c> functions a tests file declares.</summary>
    public static int CountDeclaredTests(string testsSource) => TestAttribute().Count(testsSource);

    // Compiled confined too: a koan the agent rewrote is agent-written code, and rustc runs what a proc macro or an
    // include! asks of it.
    private Task<CommandResult> RustcAsync(string workspace, string binDirectory, string[] arguments, CancellationToken cancellationToken) =>
        runner.RunAsync(
            new CommandSpec(rustc, [Edition, "--error-format=json", "--crate-name", "koan", .. arguments, Koan.SourceFile])
            {
                WorkingDirectory = workspace,
                Timeout = _compileTimeout,
                Confinement = Confinement.Of(workspace, binDirectory),
            },
            cancellationToken);

    private static string Render(IReadOnlyList<Diagnostic> diagnostics, CommandResult compile)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            text.Append(diagnostic.Rendered ?? $"{diagnostic.Severity}: {diagnostic.Message}\n");
        }

        // No diagnostic at all means rustc failed for another reason (a crash, a bad flag): show what it said.
        return diagnostics.Count > 0 ? text.ToString()
            : compile.StopCause == StopCause.TimedOut ? $"{compile.CommandLine} ran longer than {_compileTimeout} and was stopped"
            : compile.StandardError;
    }

    [GeneratedRegex(@"^\s*#\[test\]", RegexOptions.Multiline)]
    private static partial Regex TestAttribute();
}
