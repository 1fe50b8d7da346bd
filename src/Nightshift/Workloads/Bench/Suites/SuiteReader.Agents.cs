using Nightshift.Configuration;
using Nightshift.Configuration.Reading;

namespace Nightshift.Workloads.Bench.Suites;

internal sealed partial class SuiteReader
{
    private static readonly string[] _agentKeys =
        ["name", "provider", "model", "base_url", "api_key_env", "command", "preset", "max_steps", "max_tokens", "max_cost_usd"];

    private List<BenchAgentSpec> ReadAgents(MappingReader root)
    {
        var agents = new List<BenchAgentSpec>();
        switch (root.Node("agents"))
        {
            case null:
                break;
            case SequenceNode { Items.Count: 0 } empty:
                _errors.Add(empty, "agents", "the list of agents is empty; leave the key out to choose agents with --agent", BenchAgentSpec.Providers);
                break;
            case SequenceNode sequence:
                var names = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var path = KeyPath.Item("agents", i);
                    if (ReadAgent(sequence.Items[i], path) is not var (agent, nameNode))
                    {
                        continue;
                    }

                    if (names.TryGetValue(agent.Name, out var first))
                    {
                        _errors.Add(nameNode, path, $"duplicate agent name; '{agent.Name}' is already used at line {first.Line}. " +
                            "Give each a name to compare two configurations of one provider");
                    }
                    else
                    {
                        names.Add(agent.Name, nameNode);
                        agents.Add(agent);
                    }
                }

                break;
            case var other:
                _errors.Add(other, "agents", $"expected a list of agents, such as [reference, none], got {other.Kind}", BenchAgentSpec.Providers);
                break;
        }

        return agents;
    }

    private (BenchAgentSpec Agent, ConfigNode NameNode)? ReadAgent(ConfigNode node, string path)
    {
        switch (node)
        {
            case ScalarNode { IsNull: true }:
                _errors.Add(node, path, "an agent has no name", BenchAgentSpec.Providers);
                return null;
            case ScalarNode scalar:
                return Provider(scalar, path) is { } provider ? (new BenchAgentSpec(provider, provider), scalar) : null;
            case MappingNode mapping:
                var agent = MappingReader.At(_errors, mapping, path, _agentKeys);
                if (agent.Node("provider") is not ScalarNode providerNode)
                {
                    if (!agent.Has("provider"))
                    {
                        agent.Missing("provider", "say which agent this is", BenchAgentSpec.Providers);
                    }
                    else
                    {
                        agent.Problem("provider", $"expected a provider name, got {agent.Node("provider")!.Kind}");
                    }

                    return null;
                }

                var providerName = Provider(providerNode, agent.KeyPathOf("provider"));
                var name = agent.Text("name") ?? providerName;
                var nameNode = agent.Node("name") ?? providerNode;
                if (providerName is null || name is null || !IsFileSafe(nameNode, agent.KeyPathOf("name"), name, "an agent name"))
                {
                    return null;
                }

                return (new BenchAgentSpec(name, providerName)
                {
                    Model = agent.Text("model"),
                    BaseUrl = agent.Read("base_url", Values.HttpUrl),
                    ApiKeyEnv = agent.Read("api_key_env", Values.VariableName),
                    Command = agent.Argv("command"),
                    Preset = agent.Choice<AgentPreset>("preset"),
                    MaxSteps = agent.Integer("max_steps", 1),
                    MaxTokens = agent.Integer("max_tokens", 1),
                    MaxCostUsd = agent.Number("max_cost_usd"),
                }, nameNode);
            default:
                _errors.Add(node, path, $"expected an agent name or a mapping with provider, model, ..., got {node.Kind}", BenchAgentSpec.Providers);
                return null;
        }
    }

    private string? Provider(ScalarNode node, string path)
    {
        var match = BenchAgentSpec.Providers.FirstOrDefault(p => string.Equals(p, node.Value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            _errors.Add(node, path, $"'{node.Value}' is not an agent provider", BenchAgentSpec.Providers,
                suggestion: Suggestions.Closest(node.Value, BenchAgentSpec.Providers));
        }

        return match;
    }
}
