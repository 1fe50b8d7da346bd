using System.Text;
using Nightshift.Agents;
using Nightshift.Testing;
using Nightshift.Verification;

namespace Nightshift.Attempts;

/// <summary>The configured tests run once in an attempt's worktree for the agent's <c>run_tests</c>, summarized as it reads them.</summary>
internal static class AgentTestRuns
{
    private const int ShownCharacters = 8_000;
    private const int ShownMessage = 1_000;

    /// <param name="tests">The configured tests in the worktree; null when none are configured.</param>
    /// <param name="worktree">Where they run.</param>
    /// <param name="withoutTests">What the agent is told when there are none: what the verdict judges instead.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<TestRunSummary> RunAsync(TestRunner? tests, string worktree, string withoutTests, CancellationToken cancellationToken)
    {
        if (tests is null)
        {
            return new TestRunSummary(0, 0, 0, withoutTests);
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
                text.Append(message.Length > ShownMessage ? message[..ShownMessage] + " …" : message).Append('\n');
            }
        }

        var output = text.ToString();
        return new TestRunSummary(passed, failed, skipped, output.Length > ShownCharacters ? output[..ShownCharacters] + "\n…" : output);
    }
}
