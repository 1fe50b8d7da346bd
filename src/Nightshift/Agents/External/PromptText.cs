using System.Globalization;
using System.Text;
using Nightshift.Agents.Prompts;

namespace Nightshift.Agents.External;

/// <summary>The prompt an external agent receives.</summary>
public static class PromptText
{
    public const string Variable = "prompt";

    /// <summary>Diagnostics shown in the fallback prompt; a cluster of thousands would drown the agent.</summary>
    private const int MaxDiagnostics = 50;

    /// <summary>
    /// The task's template rendered (<see cref="TaskPrompt"/>), the same text the built-in agent is given; for a kind no
    /// template knows, the rendered prompt the workload left in <see cref="AgentTask.Variables"/>[<c>prompt</c>], else the
    /// task's title and its diagnostics as the tool printed them.
    /// </summary>
    /// <exception cref="PromptTemplateException">The template names a variable the task does not have.</exception>
    public static string For(AgentTask task, AgentBudget budget, PromptLibrary prompts)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (TaskPrompt.Render(prompts, task, budget) is { } prompt)
        {
            return prompt;
        }

        if (task.Variables.TryGetValue(Variable, out var rendered) && !string.IsNullOrWhiteSpace(rendered))
        {
            return rendered;
        }

        var text = new StringBuilder();
        text.AppendLine(task.Title).AppendLine();
        text.AppendLine("Fix the cause of these diagnostics by editing the files in this directory. Do not commit; keep the change small.");
        text.AppendLine();
        foreach (var diagnostic in task.Diagnostics.Take(MaxDiagnostics))
        {
            text.AppendLine(diagnostic.Rendered?.TrimEnd() ?? Line(diagnostic)).AppendLine();
        }

        if (task.Diagnostics.Count > MaxDiagnostics)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"… and {task.Diagnostics.Count - MaxDiagnostics} more like these.");
        }

        return text.ToString();
    }

    private static string Line(Diagnostics.Diagnostic diagnostic)
    {
        var at = diagnostic.Location is { } location
            ? string.Create(CultureInfo.InvariantCulture, $"{location.File}:{location.Line}:{location.Column}: ")
            : "";
        var code = diagnostic.Code is { } c ? $"[{c}]" : "";
        return $"{at}{diagnostic.Severity.ToString().ToLowerInvariant()}{code}: {diagnostic.Message}";
    }
}
