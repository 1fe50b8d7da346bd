using Microsoft.Extensions.AI;
using Nightshift.Execution;
using Nightshift.Git;

namespace Nightshift.Agents.Tools;

/// <summary>
/// apply_patch: a unified diff applied with <c>git apply</c> in the worktree, through the git layer
/// (<see cref="WorktreePatcher"/>: its fixed settings and guard). The paths are read first
/// (<c>git apply --numstat</c>) and confined like every other path; then the patch is applied whole or
/// not at all, which is git apply's own rule.
/// </summary>
internal sealed class ApplyPatchTool : IAgentTool
{
    public AIFunctionDeclaration Definition { get; } = IAgentTool.Declare(
        "apply_patch",
        "Apply a unified diff (as git diff prints it, paths relative to the worktree root, a/ and b/ prefixes allowed) with git apply. Every hunk must apply, or nothing is changed.",
        ToolParameter.String("patch", "The unified diff.", required: true));

    public async Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var patch = arguments.RequiredString("patch", ToolArguments.MaxTextLength);
        if (!patch.EndsWith('\n'))
        {
            // git apply calls a last line without its newline a corrupt patch; models often leave it off.
            patch += "\n";
        }

        var numstat = await context.Patcher.NumstatAsync(patch, cancellationToken).ConfigureAwait(false);
        if (!numstat.Succeeded)
        {
            throw new ToolException($"the patch cannot be read: {Problem(numstat)}");
        }

        var paths = PatchedPaths(numstat.StandardOutput);
        if (paths.Count == 0)
        {
            throw new ToolException("the patch changes no file.");
        }

        var files = paths.Select(path => context.Paths.Resolve(path, forWriting: true)).ToList();
        var applied = await context.Patcher.ApplyAsync(patch, cancellationToken).ConfigureAwait(false);
        if (!applied.Succeeded)
        {
            throw new ToolException($"the patch does not apply, so nothing was changed: {Problem(applied)}");
        }

        foreach (var file in files)
        {
            context.TouchedFiles.Add(context.Paths.Relative(file));
        }

        return new ToolObservation($"Applied the patch to {string.Join(", ", paths)}.");
    }

    /// <summary>
    /// The paths in <c>git apply --numstat -z</c>: "added TAB deleted TAB path NUL", or for a rename
    /// "added TAB deleted TAB NUL old NUL new NUL". Both sides of a rename are changed.
    /// </summary>
    private static List<string> PatchedPaths(string numstat)
    {
        var fields = numstat.Split('\0');
        var paths = new List<string>();
        for (var index = 0; index < fields.Length; index++)
        {
            var parts = fields[index].Split('\t');
            if (parts.Length < 3)
            {
                continue;
            }

            if (parts[2].Length > 0)
            {
                paths.Add(parts[2]);
            }
            else if (index + 2 < fields.Length)
            {
                paths.Add(fields[index + 1]);
                paths.Add(fields[index + 2]);
                index += 2;
            }
        }

        return [.. paths.Distinct(StringComparer.Ordinal)];
    }

    private static string Problem(CommandResult result) =>
        (result.StandardError.Trim() is { Length: > 0 } error ? error : result.StandardOutput.Trim()) is { Length: > 0 } text
            ? text
            : $"git apply exited with {result.ExitCode}.";
}
