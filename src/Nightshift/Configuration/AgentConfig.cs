namespace Nightshift.Configuration;

/// <summary>
/// Who writes the patches and within which limits (<c>agent</c>). The configuration never holds secrets:
/// <see cref="ApiKeyEnv"/> names the environment variable that holds the key.
/// </summary>
public sealed record AgentConfig
{
    /// <summary>The value of <c>agent.model</c> that asks for the model <c>nightshift learn</c> promoted last.</summary>
    public const string PromotedModel = "promoted";

    public AgentProvider Provider { get; init; } = AgentProvider.Suggest;

    /// <summary>The model name the endpoint knows, or <see cref="PromotedModel"/> for the last promoted one.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Models by task family (<c>agent.routes</c>), in the order written: the first route a task matches names the model its
    /// attempts ask for instead of <see cref="Model"/>.
    /// </summary>
    public IReadOnlyList<AgentRoute> Routes { get; init; } = [];

    /// <summary>An OpenAI- or Anthropic-compatible endpoint (a proxy, a local server); null for the provider's own.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The name of the environment variable holding the API key; null for the provider's usual one.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>The external agent's argument list (provider <c>command</c>); exclusive with <see cref="Preset"/>.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    public AgentPreset? Preset { get; init; }

    public PromptInput PromptInput { get; init; } = PromptInput.Stdin;

    /// <summary>
    /// What the <c>replay</c> provider plays back: a directory of recordings named by task key
    /// (<c>rustc_error_E0308.patch</c>, one per cluster), or one recording file (see <c>ReplayRecording</c>).
    /// </summary>
    public string? Replay { get; init; }

    /// <summary>Providers tried in turn when the previous one fails on a task; empty means just <see cref="Provider"/>.</summary>
    public IReadOnlyList<AgentProvider> Ladder { get; init; } = [];

    public int MaxSteps { get; init; } = 30;

    public int? MaxTokens { get; init; }

    /// <summary>Spending limit for one attempt.</summary>
    public decimal? MaxCostUsd { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>An agent that prints nothing for this long is considered hung and stopped.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of a model call after the first try (429, 5xx, timeouts, refused connections), with backoff.</summary>
    public int Retries { get; init; } = 4;

    /// <summary>While the model endpoint is down, the work pauses and the endpoint is probed this often.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(30);

    public PriceConfig? Price { get; init; }

    /// <summary>A directory whose template files replace the built-in prompts of the same name.</summary>
    public string? Prompts { get; init; }

    /// <summary>
    /// Where errors of a kind are usually fixed (<c>agent.hints</c>): a code (<c>E0308</c>) or a cluster key
    /// (<c>rustc:error:E0308</c>) mapped to globs of the files to look at first, such as a generator's type mapper. The
    /// task of a cluster with that code names the matching files and shows the start of each.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Hints { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The repository's own notes for agents (<c>agent.context</c>), included in every task when present.</summary>
    public IReadOnlyList<string> Context { get; init; } = DefaultContext;

    public static IReadOnlyList<string> DefaultContext { get; } = ["AGENTS.md", "CLAUDE.md", "CONTRIBUTING.md"];

    /// <summary>The environment variable holding the key: <see cref="ApiKeyEnv"/>, or the provider's customary one.</summary>
    public string? ApiKeyVariable => ApiKeyEnv ?? Provider switch
    {
        AgentProvider.OpenAI => "OPENAI_API_KEY",
        AgentProvider.Anthropic => "ANTHROPIC_API_KEY",
        _ => null,
    };

    /// <summary>True when <c>agent.model</c> asks for the last promoted model.</summary>
    public bool WantsPromotedModel => Model == PromotedModel;

    /// <summary>The model the agents ask for: <see cref="Model"/> when a rung of the ladder is a model provider; null otherwise.</summary>
    public string? ModelInUse => EffectiveLadder.Any(p => p is AgentProvider.OpenAI or AgentProvider.Anthropic) ? Model : null;

    /// <summary>The providers in the order they are tried.</summary>
    public IReadOnlyList<AgentProvider> EffectiveLadder => Ladder.Count > 0 ? Ladder : [Provider];
}
