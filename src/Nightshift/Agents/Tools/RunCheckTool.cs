using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Tools;

/// <summary>run_check: runs the probe on the files the agent changed (or the ones it names) and shows the diagnostics.</summary>
internal sealed class RunCheckTool : IAgentTool
{
    public AIFunctionDeclaration Definition { get; } = IAgentTool.Declare(
        "run_check",
        "Run the repository's check (the compiler or linter this task is about) and show the diagnostics. By default it checks the files you changed; name files to check those instead.",
        ToolParameter.Strings("files", "Files to check, relative to the worktree root. Default: the files you changed."));

    public async Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var named = arguments.OptionalStrings("files");
        IReadOnlyList<string> files = named.Count > 0
            ? [.. named.Select(file => context.Paths.Relative(context.Paths.Resolve(file)))]
            : [.. context.TouchedFiles];
        var diagnostics = await context.Checks.CheckAsync(files, cancellationToken).ConfigureAwait(false);
        var scope = files.Count == 0 ? "the whole worktree" : string.Join(", ", files);
        return new ToolObservation($"Checked {scope}.\n{DiagnosticText.Render(diagnostics)}");
    }
}
