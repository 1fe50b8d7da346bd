namespace Nightshift.Agents.Prompts;

/// <summary>A prompt template cannot be rendered: it is missing, or it uses a variable nobody set.</summary>
public sealed class PromptTemplateException(string template, string? variable, string message) : NightshiftException(message)
{
    /// <summary>The template's file (a path, or <c>embedded:name</c> for the engine's own).</summary>
    public string Template { get; } = template;

    /// <summary>The variable that had no value, when that was the problem.</summary>
    public string? Variable { get; } = variable;

    public override int ExitCode => ExitCodes.UsageOrConfig;
}
