using Nightshift.Agents.BuiltIn;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>Building the agent from configuration fails early and plainly when the configuration cannot work.</summary>
public sealed class AgentConfigurationSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task An_unknown_provider_is_a_configuration_error_naming_the_providers()
    {
        var create = () => BuiltInAgent.Create(new BuiltInAgentOptions("gemini", "m") { ApiKeyEnv = "UNSET_KEY" }, _ => null);

        var failure = create.Should().Throw<AgentConfigurationException>().Which;
        failure.Message.Should().Contain("'gemini'").And.Contain("openai").And.Contain("anthropic");
        failure.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_unset_key_variable_is_a_configuration_error_naming_the_variable()
    {
        var create = () => BuiltInAgent.Create(new BuiltInAgentOptions("Anthropic", "claude-test") { ApiKeyEnv = "NIGHTSHIFT_UNSET_KEY" }, _ => " ");

        create.Should().Throw<AgentConfigurationException>()
            .WithMessage("agent.api_key_env names NIGHTSHIFT_UNSET_KEY, but NIGHTSHIFT_UNSET_KEY is not set.*");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_keyless_endpoint_needs_no_key_variable()
    {
        using var agent = BuiltInAgent.Create(new BuiltInAgentOptions("OpenAI", "llama3") { BaseUrl = new Uri("http://127.0.0.1:11434/v1") }, _ => null);

        agent.Name.Should().Be("openai");
        await Task.CompletedTask;
    }
}
