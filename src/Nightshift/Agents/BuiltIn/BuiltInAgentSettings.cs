using Nightshift.Agents.Prompts;
using Nightshift.Execution;

namespace Nightshift.Agents.BuiltIn;

/// <summary>How the built-in agent's loop runs, apart from the model it talks to.</summary>
public sealed record BuiltInAgentSettings
{
    /// <summary>Where the system, task and nudge templates come from.</summary>
    public PromptLibrary Prompts { get; init; } = new();

    /// <summary>Ask for streamed answers, so that the idle limit measures silence rather than the length of a long but steady answer.</summary>
    public bool Streaming { get; init; }

    /// <summary>The reply length limit sent with each query; null leaves it to the client (Anthropic's requires one, and
    /// takes 8192).</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Turns token counts into cost; without it, cost is unknown and a cost limit cannot apply.</summary>
    public ModelPrice? Price { get; init; }

    /// <summary>Characters of one observation the model sees; past that, head and tail are kept.</summary>
    public int ObservationLimit { get; init; } = 12_000;

    /// <summary>Replies in a row without a tool call after which the run ends with an error.</summary>
    public int MaxRepliesWithoutToolCalls { get; init; } = 3;

    /// <summary>
    /// Masks secrets (the API key, the values of secret-named environment variables) in every observation before
    /// the model sees it, and in everything written to the transcript.
    /// </summary>
    public Redactor Redactor { get; init; } = new([]);
}
