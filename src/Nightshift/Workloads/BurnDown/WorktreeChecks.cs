using System.Text;
using Nightshift.Agents;
using Nightshift.Diagnostics;
using Nightshift.Probing;
using Nightshift.Testing;
using Nightshift.Verification;

namespace Nightshift.Workloads.BurnDown;

/// <summary>
/// What an agent may measure in its worktree during a night: the session's own probe (limited to the files it
/// names, so a check costs one corpus item and not the corpus) and the configured tests — the same measures the
/// verdict applies afterwards.
/// </summary>
internal sealed class WorktreeChecks(IProbe probe, TestRunner? tests, string worktree) : IWorkspaceChecks
{
    private const int ShownCharacters = 8_000;

    public async Task<IReadOnlyList<Diagnostic>> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var options = files.Count == 0
            ? ProbeOptions.Default
            : ProbeOptions.Default with { Items = [.. files.Select(f => f.Replace('\\', '/'))] };
        var snapshot = await probe.RunAsync(worktree, options, progress: null, cancellationToken).ConfigureAwait(false);
        return snapshot.Diagnostics;
    }

    public async Task<TestRunSummary> RunTestsAsync(CancellationToken cancellationToken)
    {
        if (tests is null)
        {
            return new TestRunSummary(0, 0, 0, "This repository has no tests configured; the verdict judges the probe's diagnostics only.");
        }

        var run = await tests.RunOnceAsync(worktree, cancellationToken).ConfigureAwait(false);
        if (!run.Ran)
        {
            return new TestRunSummary(0, 1, 0, $"The tests did not run: {run.NotRunReason}");
        }

        var passed = run.Results.Count(r => r.Outcome == TestOutcome.Passed);
        var failed = run.Results.Count(r => r.Outcome == TestOutcome.Failed);
        var skipped = run.Results.Count - passed - failed;
        var text = new StringBuilder();
        text.Append($"{passed} passed, {failed} failed, {skipped} skipped (exit code {run.ExitCode})\n");
        foreach (var failure in run.Results.Where(r => r.Outcome == TestOutcome.Failed))
        {
            text.Append("FAILED ").Append(failure.Name).Append('\n');
            if (failure.Message is { Length: > 0 } message)
            {
                text.Append(message.Length > 1_000 ? message[..1_000] + " …" : message).Append('\n');
            }
        }

        var output = text.ToString();
        return new TestRunSummary(passed, failed, skipped, output.Length > ShownCharacters ? output[..ShownCharacters] + "\n…" : output);
    }
}
