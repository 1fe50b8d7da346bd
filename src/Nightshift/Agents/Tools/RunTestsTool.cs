using System.Globalization;
using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Tools;

/// <summary>run_tests: runs the configured tests and shows the counts and the output.</summary>
internal sealed class RunTestsTool : IAgentTool
{
    public AIFunctionDeclaration Definition { get; } = IAgentTool.Declare(
        "run_tests",
        "Run the repository's tests and show how many passed, failed and were skipped, with the test output.");

    public async Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var summary = await context.Checks.RunTestsAsync(cancellationToken).ConfigureAwait(false);
        return new ToolObservation(string.Create(
            CultureInfo.InvariantCulture,
            $"Tests: {summary.Passed} passed, {summary.Failed} failed, {summary.Skipped} skipped.\n{summary.Output}"));
    }
}
