namespace Nightshift.Agents.Providers;

/// <summary>A tool the model asked to run.</summary>
/// <param name="Id">The provider's id for the call; the observation is sent back under it.</param>
/// <param name="Name">The tool's name.</param>
/// <param name="ArgumentsJson">The arguments as the model wrote them: a JSON object, or text that is not
/// valid JSON at all (models make mistakes, and the mistake is reported back as an observation).</param>
public sealed record ToolCall(string Id, string Name, string ArgumentsJson);
