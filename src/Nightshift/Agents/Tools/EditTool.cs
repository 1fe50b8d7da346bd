using System.Globalization;
using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Tools;

/// <summary>
/// edit: replaces one exact occurrence of a string. Exact and unique, so an edit never lands somewhere the
/// model did not look: no match and several matches are both refused, saying which.
/// </summary>
internal sealed class EditTool : IAgentTool
{
    public AIFunctionDeclaration Definition { get; } = IAgentTool.Declare(
        "edit",
        "Replace exactly one occurrence of old_string with new_string in a file. old_string must match the file exactly (whitespace and indentation included, without read_file's line-number prefixes) and occur exactly once; include surrounding lines to make it unique.",
        ToolParameter.FilePath,
        ToolParameter.String("old_string", "The exact text to replace.", required: true),
        ToolParameter.String("new_string", "The text to put in its place.", required: true));

    public async Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var path = arguments.RequiredString("path");
        var oldString = arguments.RequiredString("old_string", ToolArguments.MaxTextLength);
        var newString = arguments.RequiredString("new_string", ToolArguments.MaxTextLength);
        var file = context.Paths.Resolve(path, forWriting: true);
        if (oldString.Length == 0)
        {
            throw new ToolException("old_string is empty. To create a file or replace all of it, use write_file.");
        }

        if (oldString == newString)
        {
            throw new ToolException("old_string and new_string are the same; nothing would change.");
        }

        if (!File.Exists(file))
        {
            throw new ToolException($"there is no file '{path}' in the worktree; use write_file to create it.");
        }

        var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        var positions = Occurrences(text, oldString);
        switch (positions.Count)
        {
            case 0:
                throw new ToolException($"old_string was not found in {path}. It must match the file exactly, whitespace and indentation included; read_file shows the current text.");
            case > 1:
                var lines = string.Join(", ", positions.Select(position => LineOf(text, position)));
                throw new ToolException($"old_string occurs {positions.Count} times in {path} (at lines {lines}); include more surrounding lines so that it matches exactly once.");
        }

        var start = positions[0];
        await File.WriteAllTextAsync(file, string.Concat(text.AsSpan(0, start), newString, text.AsSpan(start + oldString.Length)), cancellationToken)
            .ConfigureAwait(false);
        context.TouchedFiles.Add(context.Paths.Relative(file));
        var firstLine = LineOf(text, start);
        return new ToolObservation(string.Create(
            CultureInfo.InvariantCulture,
            $"Edited {path}: replaced {LineCount(oldString)} line(s) at line {firstLine} with {LineCount(newString)} line(s)."));
    }

    /// <summary>Start positions of the non-overlapping occurrences, left to right.</summary>
    private static List<int> Occurrences(string text, string value)
    {
        var positions = new List<int>();
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            positions.Add(index);
        }

        return positions;
    }

    private static int LineOf(string text, int position) => text.AsSpan(0, position).Count('\n') + 1;

    private static int LineCount(string text) => text.Length == 0 ? 0 : text.TrimEnd('\n').Count(c => c == '\n') + 1;
}
