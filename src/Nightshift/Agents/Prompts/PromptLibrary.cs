namespace Nightshift.Agents.Prompts;

/// <summary>
/// Finds prompt templates by file name: first in the user's directory (<c>agent.prompts</c>), so any
/// template can be replaced without rebuilding, then among the engine's own, embedded from the
/// repository's <c>prompts/</c> folder.
/// </summary>
public sealed class PromptLibrary(string? overrideDirectory = null)
{
    /// <summary>Frames every run: the agent's role, its tools, the rules.</summary>
    public const string System = "system.md";

    /// <summary>Said when a reply calls no tool.</summary>
    public const string NoToolCall = "no-tool-call.md";

    private const string ResourcePrefix = "Nightshift.Prompts.";

    public string? OverrideDirectory { get; } = overrideDirectory;

    /// <summary>The task prompt's file for a task kind: <c>task-cluster.md</c> for cluster.</summary>
    public static string TaskTemplate(string kind) => $"task-{kind}.md";

    /// <exception cref="PromptTemplateException">No template of that name, in either place.</exception>
    public PromptTemplate Load(string name)
    {
        if (Find(name) is { } template)
        {
            return template;
        }

        var where = OverrideDirectory is null ? "" : $" Add {Path.Combine(OverrideDirectory, name)}, or check the name.";
        throw new PromptTemplateException(
            name,
            null,
            $"There is no prompt template {name}: Nightshift ships {string.Join(", ", Embedded())}.{where}");
    }

    /// <summary>The template of that name, the user's before the engine's; null when neither has one.</summary>
    public PromptTemplate? Find(string name)
    {
        if (OverrideDirectory is { } directory && Path.Combine(directory, name) is var path && File.Exists(path))
        {
            return new PromptTemplate(path, File.ReadAllText(path));
        }

        using var stream = typeof(PromptLibrary).Assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return new PromptTemplate($"embedded:{name}", reader.ReadToEnd());
    }

    /// <summary>The names of the engine's own templates.</summary>
    public static IReadOnlyList<string> Embedded() =>
        [.. typeof(PromptLibrary).Assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(resource => resource[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal)];
}
