using Nightshift.Agents;
using Nightshift.Agents.External;
using Nightshift.Agents.Prompts;
using Nightshift.Configuration;
using Nightshift.Diagnostics;

namespace Nightshift.Tests.Agents.External;

public sealed class CommandPresetSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task The_presets_run_the_known_clis_headless_with_edits_allowed_and_no_commits()
    {
        var claude = CommandPresets.For(AgentPreset.Claude);
        var codex = CommandPresets.For(AgentPreset.Codex);
        var aider = CommandPresets.For(AgentPreset.Aider);

        claude.Command.Should().StartWith(["claude", "-p", "--output-format", "stream-json", "--verbose"]);
        claude.Should().Match<CommandAgentOptions>(o => o.PromptInput == PromptInput.Stdin && o.OutputFormat == AgentOutputFormat.ClaudeStreamJson);
        codex.Command.Should().StartWith(["codex", "exec", "--json"]);
        codex.Should().Match<CommandAgentOptions>(o => o.PromptInput == PromptInput.Stdin && o.OutputFormat == AgentOutputFormat.CodexJson);
        aider.Command.Should().Equal("aider", "--message-file", "{prompt_file}", "--yes-always", "--no-auto-commits");
        aider.Should().Match<CommandAgentOptions>(o => o.PromptInput == PromptInput.File && o.OutputFormat == AgentOutputFormat.Aider);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_custom_command_keeps_its_prompt_input_and_its_output_format_is_inferred_from_its_arguments()
    {
        var claude = CommandPresets.FromConfig(new AgentConfig
        {
            Provider = AgentProvider.Command,
            Command = ["/opt/bin/claude", "-p", "--output-format", "stream-json", "--verbose", "--model", "opus"],
        });
        var script = CommandPresets.FromConfig(new AgentConfig
        {
            Provider = AgentProvider.Command,
            Command = ["./fix.sh", "{prompt_file}"],
            PromptInput = PromptInput.File,
            Price = new PriceConfig(3, 15),
        });

        claude.OutputFormat.Should().Be(AgentOutputFormat.ClaudeStreamJson);
        script.Should().Match<CommandAgentOptions>(o => o.OutputFormat == AgentOutputFormat.Text && o.PromptInput == PromptInput.File && o.Price!.InputPerMtok == 3);
        var none = () => CommandPresets.FromConfig(new AgentConfig { Provider = AgentProvider.Command });
        none.Should().Throw<ConfigException>();
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task For_a_kind_without_a_template_the_workload_prompt_else_the_title_and_diagnostics_are_the_prompt()
    {
        var rendered = new Diagnostic("rustc", Severity.Error, "E0308", "mismatched types", new SourceSpan("src/a.rs", 3, 9))
        {
            Rendered = "error[E0308]: mismatched types\n --> src/a.rs:3:9\n",
        };
        var bare = new Diagnostic("gcc", Severity.Warning, null, "unused variable 'x'", new SourceSpan("b.c", 2, 5));
        var task = new AgentTask("t-1", "lint", "Fix 2 diagnostics", new Dictionary<string, string>(), [rendered, bare]);

        var prompt = PromptText.For(task, AgentBudget.Unlimited, new PromptLibrary());

        prompt.Should().StartWith("Fix 2 diagnostics\n")
            .And.Contain("error[E0308]: mismatched types\n --> src/a.rs:3:9")
            .And.Contain("b.c:2:5: warning: unused variable 'x'");
        PromptText.For(task with { Variables = new Dictionary<string, string> { ["prompt"] = "rendered by the workload" } }, AgentBudget.Unlimited, new PromptLibrary())
            .Should().Be("rendered by the workload");
        await Task.CompletedTask;
    }
}
