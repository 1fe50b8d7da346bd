using System.Text;
using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Tools;

/// <summary>list_files: the files under a folder of the worktree, one path per line.</summary>
internal sealed class ListFilesTool : IAgentTool
{
    private const int MaxEntries = 500;

    public AIFunctionDeclaration Definition { get; } = IAgentTool.Declare(
        "list_files",
        "List the files under a folder of the worktree (recursively; .git and build output are skipped). Paths are relative to the worktree root.",
        ToolParameter.String("path", "Folder relative to the worktree root. Default: the root."));

    public Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var path = arguments.OptionalString("path") ?? ".";
        var folder = path is "." or "" ? context.Paths.Root : context.Paths.Resolve(path);
        if (File.Exists(folder))
        {
            return Task.FromResult(new ToolObservation(context.Paths.Relative(folder)));
        }

        if (!Directory.Exists(folder))
        {
            throw new ToolException($"there is no folder '{path}' in the worktree.");
        }

        var text = new StringBuilder();
        var count = 0;
        foreach (var file in WorktreeWalk.Files(folder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++count <= MaxEntries)
            {
                text.Append(context.Paths.Relative(file.FullName)).Append('\n');
            }
        }

        if (count == 0)
        {
            return Task.FromResult(new ToolObservation($"No files under '{path}'."));
        }

        if (count > MaxEntries)
        {
            text.Append("… and ").Append(count - MaxEntries).Append(" more files; list a subfolder to see them.\n");
        }

        return Task.FromResult(new ToolObservation(text.ToString()));
    }
}
