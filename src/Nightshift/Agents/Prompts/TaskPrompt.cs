using System.Globalization;

namespace Nightshift.Agents.Prompts;

/// <summary>
/// The task as an agent reads it: the template of the task's kind (<c>task-cluster.md</c>, <c>task-crash.md</c>,
/// <c>task-bench.md</c>, <c>task-koan.md</c>, or the user's copy in <c>agent.prompts</c>) rendered with the task's
/// variables over the harness's own. Every agent gets the same text: the built-in agent as its first user message,
/// an external CLI on its stdin or in its prompt file.
/// </summary>
public static class TaskPrompt
{
    /// <summary>
    /// The task's variables over the harness's own: <c>task_id</c>, <c>task_kind</c>, <c>task_title</c>,
    /// <c>step_budget</c>; a cluster task's optional variables render empty when the task has none.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Variables(AgentTask task, AgentBudget budget)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(budget);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["task_id"] = task.Id,
            ["task_kind"] = task.Kind,
            ["task_title"] = task.Title,
            ["step_budget"] = budget.MaxSteps is { } steps
                ? string.Create(CultureInfo.InvariantCulture, $"at most {steps} steps")
                : "no fixed step limit, but every step costs time and money",
        };
        foreach (var name in ClusterTasks.OptionalVariables)
        {
            variables[name] = "";
        }

        foreach (var (name, value) in task.Variables)
        {
            variables[name] = value;
        }

        return variables;
    }

    /// <summary>The task's template rendered; null when neither the user nor the engine has a template for its kind.</summary>
    /// <exception cref="PromptTemplateException">The template names a variable the task does not have.</exception>
    public static string? Render(PromptLibrary prompts, AgentTask task, AgentBudget budget)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(task);
        return prompts.Find(PromptLibrary.TaskTemplate(task.Kind)) is { } template ? template.Render(Variables(task, budget)) : null;
    }
}
