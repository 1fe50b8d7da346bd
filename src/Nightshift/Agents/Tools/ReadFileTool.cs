using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Tools;

/// <summary>read_file: a file's lines with their numbers, whole or a range.</summary>
internal sealed class ReadFileTool : IAgentTool
{
    private const int MaxLines = 2000;
    private const long MaxWholeFileBytes = 2_000_000;

    public AIFunctionDeclaration Definition { get; } = IAgentTool.Declare(
        "read_file",
        "Read a text file of the worktree. Each line is prefixed with its 1-based number and a tab (the prefix is not part of the file). Give start_line and end_line to read part of a long file.",
        ToolParameter.FilePath,
        ToolParameter.Integer("start_line", "First line to show (1-based). Default: 1."),
        ToolParameter.Integer("end_line", "Last line to show (inclusive). Default: the end of the file."));

    public Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var path = arguments.RequiredString("path");
        var file = context.Paths.Resolve(path);
        if (!File.Exists(file))
        {
            throw new ToolException(Directory.Exists(file)
                ? $"'{path}' is a folder; use list_files to see what is in it."
                : $"there is no file '{path}' in the worktree.");
        }

        var start = Math.Max(1, arguments.OptionalInt("start_line") ?? 1);
        var end = arguments.OptionalInt("end_line");
        if (end < start)
        {
            throw new ToolException($"end_line {end} is before start_line {start}.");
        }

        var length = new FileInfo(file).Length;
        if (end is null && length > MaxWholeFileBytes)
        {
            throw new ToolException($"'{path}' has {length} bytes, too many to read whole; give start_line and end_line, or use search.");
        }

        if (WorktreeWalk.IsBinary(file))
        {
            throw new ToolException($"'{path}' is a binary file ({length} bytes).");
        }

        var last = Math.Min(end ?? int.MaxValue, start + MaxLines - 1);
        var text = new StringBuilder();
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            if (++number >= start && number <= last)
            {
                text.Append(CultureInfo.InvariantCulture, $"{number}\t{line}\n");
            }
        }

        if (number == 0)
        {
            return Task.FromResult(new ToolObservation($"'{path}' is empty."));
        }

        if (start > number)
        {
            throw new ToolException($"'{path}' has only {number} lines; start_line {start} is past its end.");
        }

        var shownTo = Math.Min(last, number);
        var header = string.Create(CultureInfo.InvariantCulture, $"{path} (lines {start}-{shownTo} of {number})");
        var more = end is null && shownTo < number
            ? string.Create(CultureInfo.InvariantCulture, $"… {number - shownTo} more lines; read them with start_line {shownTo + 1}.\n")
            : "";
        return Task.FromResult(new ToolObservation($"{header}\n{text}{more}"));
    }
}
