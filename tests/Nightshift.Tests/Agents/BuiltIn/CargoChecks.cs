using Nightshift.Agents;
using Nightshift.Diagnostics;
using Nightshift.Execution;
using Nightshift.Testing;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>
/// The checks of a real cargo crate: <c>cargo check --message-format=json</c> read by the cargo-json
/// parser, and <c>cargo test</c> read by the cargo test parser. The crate builds into its own target
/// folder, so tests never share or race on one.
/// </summary>
internal sealed class CargoChecks(string crate, string targetDirectory) : IWorkspaceChecks
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(2);

    private readonly ProcessRunner _runner = new();

    /// <summary>The files each check was asked about, in order.</summary>
    public List<IReadOnlyList<string>> CheckedFiles { get; } = [];

    public async Task<IReadOnlyList<Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        CheckedFiles.Add(files);
        var result = await _runner.RunAsync(Cargo("check", "--message-format=json"), cancellationToken);
        return DiagnosticParser.For(DiagnosticFormat.CargoJson).Parse(result.StandardOutput);
    }

    public async Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(Cargo("test"), cancellationToken);
        var results = new CargoTestParser().Parse(result.StandardOutput + result.StandardError, result.ExitCode);
        return new TestRunSummary(
            results.Count(test => test.Outcome == TestOutcome.Passed),
            results.Count(test => test.Outcome == TestOutcome.Failed),
            results.Count(test => test.Outcome == TestOutcome.Skipped),
            result.StandardOutput + result.StandardError);
    }

    private CommandSpec Cargo(params string[] arguments) => new("cargo", arguments)
    {
        WorkingDirectory = crate,
        Environment = new Dictionary<string, string?> { ["CARGO_TARGET_DIR"] = targetDirectory, ["CARGO_TERM_COLOR"] = "never" },
        Timeout = _timeout,
    };
}
