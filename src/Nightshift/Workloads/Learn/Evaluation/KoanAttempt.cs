using Nightshift.Attempts;
using Nightshift.Execution;
using Nightshift.Verification;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Workloads.Learn.Evaluation;

/// <summary>
/// The eval's part of an attempt on a koan: a scratch copy of the koan under git, its task with the failing tests, and a
/// verdict on the koan's own tests (restored first, so that an agent that edited them gains nothing). No policy applies:
/// the exercise is the whole repository.
/// </summary>
internal sealed class KoanAttempt(Koan koan, int repeat, KoanToolchain toolchain, ProcessRunner runner) : IAttemptWork<KoanRun>
{
    private readonly KoanWorkspace _workspace = KoanWorkspace.Create(koan);

    /// <summary>The agent edited the koan's tests (they are restored before the verdict).</summary>
    public bool TestsEdited { get; private set; }

    public async Task<AttemptSetup> PrepareAsync(long attemptId, CancellationToken cancellationToken)
    {
        await _workspace.InitGitAsync(runner, cancellationToken).ConfigureAwait(false);
        var source = await File.ReadAllTextAsync(_workspace.SourcePath, cancellationToken).ConfigureAwait(false);
        var before = await toolchain.TestAsync(_workspace.Path, _workspace.BinDirectory, cancellationToken).ConfigureAwait(false);
        return new AttemptSetup(
            KoanTasks.For(koan, repeat, source, before),
            _workspace.Path,
            new KoanChecks(toolchain, _workspace),
            new Dictionary<string, string> { [Koan.SourceFile] = source },
            KoanDiagnostics.From(before));
    }

    public async Task<AttemptChange> CaptureAsync(CancellationToken cancellationToken)
    {
        TestsEdited = await File.ReadAllTextAsync(Path.Combine(_workspace.Path, Koan.TestsFile), cancellationToken).ConfigureAwait(false)
            != await File.ReadAllTextAsync(koan.TestsPath, cancellationToken).ConfigureAwait(false);
        _workspace.RestoreTests();
        var diff = await _workspace.DiffAsync(runner, cancellationToken).ConfigureAwait(false);
        return new AttemptChange(diff, [.. UnifiedDiff.Parse(diff).Files.Select(f => f.Path)]);
    }

    public async Task<AttemptJudgement<KoanRun>> JudgeAsync(AttemptChange change, string? agentSaid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var after = await toolchain.TestAsync(_workspace.Path, _workspace.BinDirectory, cancellationToken).ConfigureAwait(false);
        VerdictCheck[] checks =
        [
            after.IsGreen
                ? VerdictCheck.Passing("koan_tests", after.Describe())
                : VerdictCheck.Failing("koan_tests", after.Describe(), new RejectionReason.TestsFailing(after.Describe())),
            VerdictCheck.Passing("tests_untouched", TestsEdited ? "edited by the agent, restored before the verdict" : "yes"),
        ];
        var verdict = Verifier.Decide(VerdictInput.WithoutClusters(null, null, change.Patch, policy: null, checks) with { UnchangedBecause = agentSaid });
        return new AttemptJudgement<KoanRun>(verdict, KoanDiagnostics.From(after), after);
    }

    public ValueTask DisposeAsync()
    {
        _workspace.Dispose();
        return ValueTask.CompletedTask;
    }
}
