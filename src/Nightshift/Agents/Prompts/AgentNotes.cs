using System.Globalization;
using System.Text;

namespace Nightshift.Agents.Prompts;

/// <summary>
/// The repository's own notes for agents (<c>agent.context</c>: AGENTS.md, CLAUDE.md, CONTRIBUTING.md by default) as
/// every task shows them, whatever its kind: the conventions a fix must follow are the same for a cluster and a crash.
/// </summary>
public static class AgentNotes
{
    private const int MaxCharacters = 8_000;

    /// <summary>The named notes the worktree has, in the order given.</summary>
    public static IReadOnlyList<string> Present(IEnumerable<string> names, string worktree) =>
        [.. names.Where(file => File.Exists(Path.Combine(worktree, file)))];

    /// <summary>Each note under a heading naming it, at most 8,000 characters in all; empty when there is none.</summary>
    public static string Render(IReadOnlyList<string> files, string worktree)
    {
        ArgumentNullException.ThrowIfNull(files);
        var text = new StringBuilder();
        foreach (var file in files)
        {
            string content;
            try
            {
                content = File.ReadAllText(Path.Combine(worktree, file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"The repository's notes for agents ({file}):\n\n").Append(content.TrimEnd()).Append("\n\n");
        }

        return SourceExcerpt.Clip(text.ToString().TrimEnd('\n'), MaxCharacters);
    }
}
