using System.Globalization;
using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Tools;

/// <summary>write_file: creates a file or replaces all of it.</summary>
internal sealed class WriteFileTool : IAgentTool
{
    public AIFunctionDeclaration Definition { get; } = IAgentTool.Declare(
        "write_file",
        "Create a file, or replace its whole content. Folders are created as needed. For a change inside an existing file prefer edit.",
        ToolParameter.FilePath,
        ToolParameter.String("content", "The complete new content of the file.", required: true));

    public async Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var path = arguments.RequiredString("path");
        var content = arguments.RequiredString("content", ToolArguments.MaxTextLength);
        var file = context.Paths.Resolve(path, forWriting: true);
        if (Directory.Exists(file))
        {
            throw new ToolException($"'{path}' is a folder.");
        }

        var existed = File.Exists(file);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content, cancellationToken).ConfigureAwait(false);
        context.TouchedFiles.Add(context.Paths.Relative(file));
        var lines = content.Length == 0 ? 0 : content.TrimEnd('\n').Count(c => c == '\n') + 1;
        return new ToolObservation(string.Create(
            CultureInfo.InvariantCulture, $"{(existed ? "Replaced" : "Created")} {path} ({lines} lines)."));
    }
}
