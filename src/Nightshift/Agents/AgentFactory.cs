using Nightshift.Agents.BuiltIn;
using Nightshift.Agents.External;
using Nightshift.Agents.Local;
using Nightshift.Agents.Resilience;
using Nightshift.Agents.Routing;
using Nightshift.Configuration;
using Nightshift.Configuration.Reading;
using Nightshift.Execution;

namespace Nightshift.Agents;

/// <summary>
/// Makes the agents the configuration (<c>agent:</c>) describes, for every workload: the composition root
/// of the agents. Relative paths (<c>agent.replay</c>, <c>agent.prompts</c>) are resolved against the
/// repository root; API keys are read from the environment only here. Every built-in agent it makes reports
/// to <see cref="Endpoint"/>, so one outage pauses the whole workload, and to the observer it was given.
/// </summary>
public sealed partial class AgentFactory
{
    private readonly NightshiftConfig _config;
    private readonly Action<ProviderEvent>? _onEvent;
    private readonly Func<string, string?> _environment;
    private readonly ProcessRunner _runner;

    /// <param name="config">The loaded configuration.</param>
    /// <param name="onEvent">
    /// Told about retries and usage-limit waits of the model endpoints, and, through <see cref="Endpoint"/>, of an
    /// endpoint going down, each probe while it is down, and its coming back.
    /// </param>
    /// <param name="environment">Reads an environment variable (the API key); the process environment by default.</param>
    /// <param name="runner">Runs the agents' processes (git, external agent CLIs).</param>
    public AgentFactory(
        NightshiftConfig config,
        Action<ProviderEvent>? onEvent = null,
        Func<string, string?>? environment = null,
        ProcessRunner? runner = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _onEvent = onEvent;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _runner = runner ?? new ProcessRunner();
        Endpoint = new EndpointGate(ProbeAsync) { ProbeInterval = config.Agent.ProbeInterval };
        Resilience = new ResilienceOptions { MaxRetries = config.Agent.Retries };
        Redactor = Redactor.ForProcess(KeyValues());
        if (onEvent is not null)
        {
            Endpoint.Changed += onEvent;
        }
    }

    /// <summary>Knows whether the model endpoints are up; shared by every built-in agent this factory makes.</summary>
    public EndpointGate Endpoint { get; }

    /// <summary>The retry policy and circuit breaker of the built-in agents' HTTP clients (<c>agent.retries</c>).</summary>
    public ResilienceOptions Resilience { get; init; }

    /// <summary>
    /// The one redactor of every built-in agent this factory makes: the values of the API key variables it may read
    /// and of every secret-named variable of this process's environment, which the commands an agent runs inherit.
    /// </summary>
    public Redactor Redactor { get; }

    private AgentConfig Agent => _config.Agent;

    /// <summary>
    /// The agent of <paramref name="provider"/>, configured from <c>agent:</c>. <paramref name="model"/>
    /// replaces <c>agent.model</c> for the model providers (a candidate from training); the other providers
    /// have no model and ignore it.
    /// </summary>
    /// <exception cref="ConfigException">The configuration lacks what the provider needs (a model, a replay source, a command).</exception>
    /// <exception cref="AgentConfigurationException">The API key variable is not set.</exception>
    /// <remarks>
    /// Without <paramref name="model"/>, a model provider's agent follows <c>agent.routes</c>: each task goes to its family's
    /// model (<see cref="RoutingAgent"/>). A model asked for by name (a candidate being evaluated) is asked for every task.
    /// </remarks>
    public IAgent Create(AgentProvider provider, string? model = null) => provider switch
    {
        AgentProvider.Suggest => new SuggestAgent(),
        AgentProvider.Replay => new ReplayAgent(ReplaySource(), _runner),
        AgentProvider.Command => new CommandAgent(CommandPresets.FromConfig(Agent) with { Prompts = Prompts }, _runner),
        AgentProvider.OpenAI or AgentProvider.Anthropic when model is null && Agent.Routes.Count > 0 =>
            new RoutingAgent(WireName(provider), Agent.Routes, routed => BuiltIn(provider, routed)),
        AgentProvider.OpenAI or AgentProvider.Anthropic => BuiltIn(provider, model),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown agent provider."),
    };

    /// <summary>The agent <c>agent.provider</c> names.</summary>
    public IAgent Create() => Create(Agent.Provider);

    /// <summary>
    /// The ladder of <see cref="AgentConfig.EffectiveLadder"/>: <c>agent.ladder</c>, or just <c>agent.provider</c>.
    /// Each rung makes its agent when the rung is reached, so a ladder whose later rungs are never climbed
    /// needs no key for them.
    /// </summary>
    public Ladder CreateLadder(int attemptsPerRung) =>
        Ladder.FromProviders(Agent.EffectiveLadder, provider => Create(provider), attemptsPerRung);

    /// <summary>The limits of one attempt, as configured.</summary>
    public static AgentBudget BudgetOf(AgentConfig agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new AgentBudget(agent.MaxSteps, agent.MaxTokens, agent.MaxCostUsd, agent.Timeout, agent.IdleTimeout);
    }

    /// <summary>The keys any built-in agent of this configuration may send, whatever its variable is called.</summary>
    private IEnumerable<string> KeyValues() =>
        new[] { Agent.ApiKeyEnv, "OPENAI_API_KEY", "ANTHROPIC_API_KEY" }.OfType<string>()
            .Select(_environment).OfType<string>().Where(key => !string.IsNullOrWhiteSpace(key));

    private string ReplaySource() => Agent.Replay is { } replay
        ? _config.ResolvePath(replay)
        : throw new ConfigException(
            $"{_config.FilePath}: the replay provider plays back what agent.replay names, and agent.replay is not set. " +
            "Set it to a directory of <task key>.patch files or a JSONL recording.");

    private static string WireName(AgentProvider provider) => WireNames.Name(provider);
}
