using System.Text;
using Nightshift.Attempts.Episodes;

namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>
/// Turns an accepted episode into a chat example: the task, its diagnostics and its source as the user
/// message, the accepted diff as the assistant's answer. The prompt is the one thing a trained model sees
/// at inference, so it stays small and stable: changing it makes older datasets a different task.
/// </summary>
public static class ExamplePrompt
{
    public const string System =
        "You are Nightshift's repair agent. You are given source files and what the compiler and the tests reported "
        + "about them. Answer with a unified diff, as `git diff` prints it, that fixes the problem without changing "
        + "the tests, and nothing else.";

    public static ChatExample For(Episode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return new ChatExample(
        [
            new ChatMessage("system", System),
            new ChatMessage("user", User(episode.Task, episode.DiagnosticsBefore)),
            new ChatMessage("assistant", episode.Diff ?? ""),
        ]);
    }

    public static string User(EpisodeTask task, IReadOnlyList<EpisodeDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = new StringBuilder();
        text.Append("Task: ").Append(task.Title).Append(" (").Append(task.Kind).Append(' ').Append(task.Key).Append(")\n\n");
        text.Append("Diagnostics:\n");
        if (diagnostics.Count == 0)
        {
            text.Append("(none)\n");
        }

        // Errors first: they are what the fix is for; warnings are context.
        foreach (var diagnostic in diagnostics.OrderBy(d => d.IsError ? 0 : 1))
        {
            text.Append((diagnostic.Rendered ?? Plain(diagnostic)).TrimEnd()).Append('\n');
        }

        foreach (var (path, content) in task.Sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append("\nFile ").Append(path).Append(":\n```").Append(Fence(path)).Append('\n')
                .Append(content.TrimEnd('\n')).Append("\n```\n");
        }

        return text.ToString();
    }

    private static string Plain(EpisodeDiagnostic d) =>
        $"{d.Severity.ToString().ToLowerInvariant()}{(d.Code is null ? "" : $"[{d.Code}]")}: {d.Message}"
        + (d.File is null ? "" : $"\n --> {d.File}:{d.Line}:{d.Column}");

    private static string Fence(string path) => Path.GetExtension(path) switch
    {
        ".rs" => "rust",
        ".cs" => "csharp",
        ".py" => "python",
        ".ts" or ".tsx" => "typescript",
        ".js" => "javascript",
        ".c" or ".h" => "c",
        ".cc" or ".cpp" or ".hpp" => "cpp",
        ".go" => "go",
        _ => "",
    };
}
