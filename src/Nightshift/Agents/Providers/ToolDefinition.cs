namespace Nightshift.Agents.Providers;

/// <summary>A function tool offered to the model.</summary>
/// <param name="Name">What the model calls it by.</param>
/// <param name="Description">When and how to use it, for the model.</param>
/// <param name="ParametersSchema">The JSON schema of its argument object.</param>
public sealed record ToolDefinition(string Name, string Description, string ParametersSchema);
