using Nightshift.Agents;
using Nightshift.Agents.BuiltIn;
using Nightshift.Agents.External;
using Nightshift.Agents.Local;
using Nightshift.Configuration;
using Nightshift.Tests.Agents.BuiltIn;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.Factory;

/// <summary>The composition root of the agents: every provider from the configuration, paths resolved, keys from the environment.</summary>
public sealed class AgentFactorySpecs : IDisposable
{
    private readonly TempDir _repo = new("factory");

    public void Dispose() => _repo.Dispose();

    [Fact(Timeout = 10_000)]
    public async Task Each_provider_makes_the_agent_named_after_it_with_relative_paths_resolved_against_the_repository()
    {
        _repo.Write("replay/rustc_error_E0308.patch", "");
        var factory = new AgentFactory(
            Config(new AgentConfig { Model = "m", Replay = "replay", Preset = AgentPreset.Claude }),
            environment: Keys(("OPENAI_API_KEY", "sk-openai"), ("ANTHROPIC_API_KEY", "sk-ant")));

        var suggest = factory.Create(AgentProvider.Suggest);
        var replay = factory.Create(AgentProvider.Replay);
        var command = factory.Create(AgentProvider.Command);
        using var openai = (BuiltInAgent)factory.Create(AgentProvider.OpenAI);
        using var anthropic = (BuiltInAgent)factory.Create(AgentProvider.Anthropic);

        suggest.Should().BeOfType<SuggestAgent>();
        replay.Should().BeOfType<ReplayAgent>().Which.Source.Should().Be(_repo["replay"]);
        command.Should().BeOfType<CommandAgent>().Which.Options.Command[0].Should().Be("claude");
        new[] { suggest, replay, command, openai, anthropic }.Select(a => a.Name)
            .Should().Equal("suggest", "replay", "command", "openai", "anthropic");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task What_a_provider_lacks_is_a_configuration_error_naming_the_file_and_the_key()
    {
        var factory = new AgentFactory(Config(new AgentConfig()), environment: Keys(("OPENAI_API_KEY", "sk")));

        var noModel = () => factory.Create(AgentProvider.OpenAI);
        var noReplay = () => factory.Create(AgentProvider.Replay);
        var noCommand = () => factory.Create(AgentProvider.Command);

        noModel.Should().Throw<ConfigException>().Which.Message.Should().Contain(_repo["nightshift.yml"]).And.Contain("agent.model");
        noReplay.Should().Throw<ConfigException>().Which.Message.Should().Contain("agent.replay");
        noCommand.Should().Throw<ConfigException>().Which.Message.Should().Contain("agent.command").And.Contain("agent.preset");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_public_api_needs_its_key_while_a_server_at_base_url_may_do_without()
    {
        var public_ = new AgentFactory(Config(new AgentConfig { Model = "gpt-test" }), environment: Keys());
        var local = new AgentFactory(Config(new AgentConfig { Model = "llama3", BaseUrl = new Uri("http://127.0.0.1:11434/v1") }), environment: Keys());
        var named = new AgentFactory(
            Config(new AgentConfig { Model = "llama3", BaseUrl = new Uri("http://127.0.0.1:11434/v1"), ApiKeyEnv = "MY_KEY" }),
            environment: Keys());

        var fromPublic = () => public_.Create(AgentProvider.OpenAI);
        using var fromLocal = (BuiltInAgent)local.Create(AgentProvider.OpenAI);
        var fromNamed = () => named.Create(AgentProvider.OpenAI);

        fromPublic.Should().Throw<AgentConfigurationException>().Which.Message.Should().Contain("OPENAI_API_KEY");
        fromLocal.Name.Should().Be("openai");
        fromNamed.Should().Throw<AgentConfigurationException>().Which.Message.Should().Contain("MY_KEY", "a variable the user named is required");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 30_000)]
    public async Task A_model_given_to_create_replaces_agent_model_and_the_key_comes_from_the_environment()
    {
        await using var server = await LoopbackServer.StartAsync(OpenAIWire.ToolCall(false, "call_1", "finish", new { summary = "done" }, 5, 5));
        var factory = new AgentFactory(
            Config(new AgentConfig { Model = "base-model", BaseUrl = new Uri(server.BaseUrl, "v1"), ApiKeyEnv = "TEST_KEY" }),
            environment: Keys(("TEST_KEY", "sk-from-env")));
        using var agent = (BuiltInAgent)factory.Create(AgentProvider.OpenAI, "candidate-7");
        _repo.Write("worktree/README.md", "hello\n");

        var result = await agent.RunAsync(
            AgentRuns.Request(_repo["worktree"], new CargoChecks(_repo["worktree"], _repo["target"]), new RecordingTranscript(_repo["t.jsonl"])),
            CancellationToken.None);

        result.StopReason.Should().Be(AgentStopReason.Finished);
        var request = server.Requests.Should().ContainSingle().Subject;
        request.Body.Should().Contain("\"model\":\"candidate-7\"");
        request.Headers["Authorization"].Should().Be("Bearer sk-from-env");
    }

    [Fact(Timeout = 30_000)]
    public async Task With_routes_a_task_of_a_family_asks_for_its_routes_model_and_a_named_model_is_never_routed()
    {
        await using var server = await LoopbackServer.StartAsync((request, _) =>
            OpenAIWire.ToolCall(request.WantsStream, "call_1", "finish", new { summary = "done" }, 5, 5));
        var factory = new AgentFactory(
            Config(new AgentConfig
            {
                Model = "base-model",
                BaseUrl = new Uri(server.BaseUrl, "v1"),
                Routes = [new AgentRoute(["panic", "SIGSEGV"], "crash-adapter"), new AgentRoute(["E0308"], "types")],
            }),
            environment: Keys());
        _repo.Write("worktree/README.md", "hello\n");
        var checks = new CargoChecks(_repo["worktree"], _repo["target"]);
        var request = AgentRuns.Request(_repo["worktree"], checks, new RecordingTranscript(_repo["t.jsonl"]));
        var crash = request with { Task = request.Task with { Key = "sig-1", Family = "panic", Diagnostics = [] } };
        var plain = request with { Task = request.Task with { Key = "sig-2", Family = "SIGABRT", Diagnostics = [] } };

        var routed = factory.Create(AgentProvider.OpenAI);
        var results = new List<AgentResult>();
        foreach (var task in new[] { crash, request, plain })
        {
            results.Add(await routed.RunAsync(task, CancellationToken.None));
        }

        var named = factory.Create(AgentProvider.OpenAI, "candidate-7");
        await named.RunAsync(crash, CancellationToken.None);
        await named.ReleaseAsync();

        server.Requests.Select(r => r.Json.GetProperty("model").GetString()).Should().Equal("crash-adapter", "types", "base-model", "candidate-7");
        results.Select(r => r.Model).Should().Equal("crash-adapter", "types", null);
        routed.Name.Should().Be("openai");
    }

    [Fact(Timeout = 10_000)]
    public async Task The_ladder_has_a_rung_per_configured_provider_and_makes_each_agent_only_when_reached()
    {
        var factory = new AgentFactory(
            Config(new AgentConfig { Model = "gpt-test", Ladder = [AgentProvider.Suggest, AgentProvider.OpenAI] }),
            environment: Keys());

        var ladder = factory.CreateLadder(attemptsPerRung: 2);

        ladder.Rungs.Select(r => r.Name).Should().Equal("suggest", "openai");
        ladder.MaxAttempts.Should().Be(4);
        ladder.RungFor(1)!.Create().Should().BeOfType<SuggestAgent>();
        var climb = () => ladder.RungFor(2)!.Create();
        climb.Should().Throw<AgentConfigurationException>("the key is needed when the openai rung is reached, not before");
        new AgentFactory(Config(new AgentConfig { Provider = AgentProvider.Replay, Replay = "r.jsonl" })).CreateLadder(1)
            .Rungs.Should().ContainSingle().Which.Name.Should().Be("replay");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_budget_of_an_attempt_is_the_configured_limits()
    {
        var agent = new AgentConfig
        {
            MaxSteps = 7,
            MaxTokens = 1000,
            MaxCostUsd = 1.5m,
            Timeout = TimeSpan.FromMinutes(3),
            IdleTimeout = TimeSpan.FromSeconds(40),
        };

        AgentFactory.BudgetOf(agent).Should().Be(new AgentBudget(7, 1000, 1.5m, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(40)));
        await Task.CompletedTask;
    }

    private NightshiftConfig Config(AgentConfig agent) =>
        new() { FilePath = _repo["nightshift.yml"], RepositoryRoot = _repo.Path, Agent = agent };

    private static Func<string, string?> Keys(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
