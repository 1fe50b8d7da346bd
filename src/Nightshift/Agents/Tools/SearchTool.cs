using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Nightshift.Agents.Tools;

/// <summary>search: a regular expression across the worktree's text files, bounded.</summary>
internal sealed class SearchTool : IAgentTool
{
    private const int MaxMatches = 100;
    private const int MaxLineChars = 240;
    private const long MaxFileBytes = 2_000_000;

    /// <summary>A pattern that backtracks badly must cost the model an error, not the night.</summary>
    private static readonly TimeSpan _matchTimeout = TimeSpan.FromSeconds(1);

    public AIFunctionDeclaration Definition { get; } = IAgentTool.Declare(
        "search",
        "Search the worktree's text files for a regular expression (.NET syntax), line by line. Returns path:line: text for each match, at most 100.",
        ToolParameter.String("pattern", "Regular expression matched against each line.", required: true),
        ToolParameter.String("path", "File or folder to search, relative to the worktree root. Default: the root."),
        ToolParameter.Boolean("ignore_case", "Match case-insensitively. Default: false."));

    public Task<ToolObservation> RunAsync(ToolArguments arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var pattern = arguments.RequiredString("pattern");
        var path = arguments.OptionalString("path") ?? ".";
        var options = arguments.OptionalBool("ignore_case") ? RegexOptions.IgnoreCase : RegexOptions.None;
        Regex regex;
        try
        {
            regex = new Regex(pattern, options | RegexOptions.CultureInvariant, _matchTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new ToolException($"the pattern is not a valid regular expression: {exception.Message}");
        }

        var root = path is "." or "" ? context.Paths.Root : context.Paths.Resolve(path);
        var files = File.Exists(root) ? [new FileInfo(root)] : Directory.Exists(root)
            ? WorktreeWalk.Files(root)
            : throw new ToolException($"there is no file or folder '{path}' in the worktree.");

        var text = new StringBuilder();
        var matches = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = context.Paths.Relative(file.FullName);
            if (!IsSearchable(file, relative, context.Paths))
            {
                continue;
            }

            var number = 0;
            foreach (var line in File.ReadLines(file.FullName))
            {
                number++;
                if (!IsMatch(regex, line, pattern))
                {
                    continue;
                }

                if (++matches > MaxMatches)
                {
                    text.Append("… stopped at ").Append(MaxMatches).Append(" matches; narrow the pattern or the path.\n");
                    return Task.FromResult(new ToolObservation(text.ToString()));
                }

                var shown = line.Length > MaxLineChars ? line[..MaxLineChars] + " …" : line;
                text.Append(CultureInfo.InvariantCulture, $"{relative}:{number}: {shown}\n");
            }
        }

        return Task.FromResult(new ToolObservation(matches == 0 ? $"No matches for /{pattern}/ in '{path}'." : text.ToString()));
    }

    private static bool IsSearchable(FileInfo file, string relative, WorktreePaths paths)
    {
        if (file.LinkTarget is not null)
        {
            // A linked file is read only when its target is inside the worktree too, and exists.
            try
            {
                file = new FileInfo(paths.Resolve(relative));
            }
            catch (ToolException)
            {
                return false;
            }
        }

        return file.Exists && file.Length <= MaxFileBytes && !WorktreeWalk.IsBinary(file.FullName);
    }

    private static bool IsMatch(Regex regex, string line, string pattern)
    {
        try
        {
            return regex.IsMatch(line);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new ToolException($"the pattern /{pattern}/ took too long on one line; simplify it.");
        }
    }
}
