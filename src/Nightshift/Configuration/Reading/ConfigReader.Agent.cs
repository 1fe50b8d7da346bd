namespace Nightshift.Configuration.Reading;

internal sealed partial class ConfigReader
{
    private static readonly string[] _agentKeys =
    [
        "provider", "model", "base_url", "api_key_env", "command", "preset", "prompt_input", "replay", "ladder",
        "max_steps", "max_tokens", "max_cost_usd", "timeout", "idle_timeout", "retries", "probe_interval", "price", "prompts",
        "hints", "context", "routes",
    ];

    private static readonly string[] _priceKeys = ["input_per_mtok", "output_per_mtok"];

    private AgentConfig ReadAgent(MappingReader root)
    {
        var defaults = new AgentConfig();
        if (root.Section("agent", _agentKeys) is not { } agent)
        {
            return defaults;
        }

        var provider = agent.Choice<AgentProvider>("provider") ?? defaults.Provider;
        var ladder = ReadLadder(agent);
        var config = defaults with
        {
            Provider = provider,
            Model = agent.Text("model"),
            BaseUrl = agent.Read("base_url", Values.HttpUrl),
            ApiKeyEnv = agent.Read("api_key_env", Values.VariableName),
            Command = agent.Argv("command"),
            Preset = agent.Choice<AgentPreset>("preset"),
            PromptInput = agent.Choice<PromptInput>("prompt_input") ?? defaults.PromptInput,
            Replay = agent.Text("replay"),
            Ladder = ladder,
            MaxSteps = agent.Integer("max_steps", 1) ?? defaults.MaxSteps,
            MaxTokens = agent.Integer("max_tokens", 1),
            MaxCostUsd = agent.Number("max_cost_usd"),
            Timeout = agent.Duration("timeout") ?? defaults.Timeout,
            IdleTimeout = agent.Duration("idle_timeout") ?? defaults.IdleTimeout,
            Retries = agent.Integer("retries", 0) ?? defaults.Retries,
            ProbeInterval = agent.Duration("probe_interval") ?? defaults.ProbeInterval,
            Price = ReadPrice(agent),
            Prompts = agent.Text("prompts"),
            Hints = agent.Read("hints", Values.GlobMap) ?? defaults.Hints,
            Routes = agent.Read("routes", Values.Routes) ?? defaults.Routes,
            Context = agent.TextList("context", "path", allowSingle: true) ?? defaults.Context,
        };

        if (agent.Has("command") && agent.Has("preset"))
        {
            agent.Problem("preset", "set either agent.command or agent.preset, not both", atKey: true);
        }

        var used = ladder.Count > 0 ? ladder : [provider];
        var via = ladder.Count > 0 ? "agent.ladder" : "agent.provider";
        if (used.Contains(AgentProvider.Command) && !agent.Has("command") && !agent.Has("preset"))
        {
            agent.Missing("command", $"{via} uses the command provider, which runs agent.command (an argument list) or agent.preset", WireNames.All<AgentPreset>());
        }

        if (used.Contains(AgentProvider.Replay) && !agent.Has("replay"))
        {
            agent.Missing("replay", $"{via} uses the replay provider, which plays back the recordings agent.replay names (a directory or a file)");
        }

        if (used.Any(p => p is AgentProvider.OpenAI or AgentProvider.Anthropic) && !agent.Has("model"))
        {
            agent.Missing("model", $"{via} uses a model provider; name the model, such as gpt-5 or claude-sonnet-4-5");
        }

        RequireExisting(
            agent,
            "replay",
            config.Replay,
            PathKind.FileOrDirectory,
            "agent.replay names a directory of recordings named by task key (<key>.patch, .diff or .jsonl) or one recording file");
        RequireExisting(agent, "prompts", config.Prompts, PathKind.Directory);
        return config;
    }

    private List<AgentProvider> ReadLadder(MappingReader agent)
    {
        var ladder = new List<AgentProvider>();
        switch (agent.Node("ladder"))
        {
            case null:
                break;
            case SequenceNode sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var path = KeyPath.Item(agent.KeyPathOf("ladder"), i);
                    if (Values.Choice<AgentProvider>(_errors, sequence.Items[i], path) is { } provider)
                    {
                        ladder.Add(provider);
                    }
                    else if (sequence.Items[i] is ScalarNode { IsNull: true })
                    {
                        _errors.Add(sequence.Items[i], path, "a ladder step has no provider", WireNames.All<AgentProvider>());
                    }
                }

                break;
            case var other:
                _errors.Add(other, agent.KeyPathOf("ladder"), $"expected a list of providers, got {other.Kind}", WireNames.All<AgentProvider>());
                break;
        }

        return ladder;
    }

    private static PriceConfig? ReadPrice(MappingReader agent)
    {
        if (agent.Section("price", _priceKeys) is not { } price)
        {
            return null;
        }

        foreach (var key in _priceKeys.Where(k => !price.Has(k)))
        {
            price.Missing(key, "a price needs both input_per_mtok and output_per_mtok, in US dollars per million tokens");
        }

        return new PriceConfig(price.Number("input_per_mtok") ?? 0, price.Number("output_per_mtok") ?? 0);
    }
}
