using Nightshift.Agents.BuiltIn;
using Nightshift.Agents.Prompts;
using Nightshift.Clustering;
using Nightshift.Diagnostics;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>Prompts are data: templates shipped in the engine, overridable by a folder, rendered strictly.</summary>
public sealed class PromptSpecs : IDisposable
{
    private readonly TempDir _folder = new("prompts");

    [Fact(Timeout = 10_000)]
    public async Task A_missing_variable_fails_naming_the_template_file_and_the_variable()
    {
        var file = _folder.Write("prompts/task-cluster.md", "Fix {{cluster_key}} for {{ owner }}.\n");
        var library = new PromptLibrary(_folder["prompts"]);

        var render = () => library.Load("task-cluster.md").Render(new Dictionary<string, string> { ["cluster_key"] = "rustc:error:E0308" });

        var failure = render.Should().Throw<PromptTemplateException>().Which;
        failure.Template.Should().Be(file);
        failure.Variable.Should().Be("owner");
        failure.Message.Should().Contain(file).And.Contain("{{owner}}").And.Contain("given: cluster_key");
        failure.ExitCode.Should().Be(ExitCodes.UsageOrConfig);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_unused_variable_is_fine_and_values_are_not_rendered_again()
    {
        var template = new PromptTemplate("embedded:test.md", "Fix {{code}}.");

        var text = template.Render(new Dictionary<string, string> { ["code"] = "{{unused}} E0308", ["unused"] = "x" });

        text.Should().Be("Fix {{unused}} E0308.");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_engine_ships_its_templates_and_a_folder_overrides_them_one_by_one()
    {
        _folder.Write("prompts/system.md", "Be brief.");
        var library = new PromptLibrary(_folder["prompts"]);

        PromptLibrary.Embedded().Should().Contain(["system.md", "task-cluster.md", "task-crash.md", "task-bench.md", "task-koan.md", "no-tool-call.md"]);
        library.Load("system.md").Should().Be(new PromptTemplate(_folder["prompts/system.md"], "Be brief."));
        library.Load("task-cluster.md").Source.Should().Be("embedded:task-cluster.md");
        var missing = () => library.Load(PromptLibrary.TaskTemplate("lint"));
        missing.Should().Throw<PromptTemplateException>().WithMessage("There is no prompt template task-lint.md*");
        library.Find(PromptLibrary.TaskTemplate("lint")).Should().BeNull();
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_cluster_prompt_carries_the_cluster_samples_with_source_and_the_policy_and_says_Nightshift_decides()
    {
        _folder.Write("worktree/src/main.rs", "fn main() {\n    let a: i32 = \"x\";\n    let b: u8 = \"y\";\n}\n");
        var cluster = new Cluster(
            new ClusterKey("rustc", Severity.Error, "E0308", null),
            [
                new Diagnostic("rustc", Severity.Error, "E0308", "mismatched types", new SourceSpan("src/main.rs", 3, 17)) { Children = ["expected `u8`, found `&str`"] },
                new Diagnostic("rustc", Severity.Error, "E0308", "mismatched types", new SourceSpan("src/main.rs", 2, 18)),
            ]);
        var task = ClusterTasks.Create("task-7", cluster, _folder["worktree"], "- E0308 must drop by at least 1\n- no new errors", samples: 1);

        var prompt = new PromptLibrary().Load(PromptLibrary.TaskTemplate(task.Kind)).Render(task.Variables);

        task.Kind.Should().Be("cluster");
        task.Title.Should().Be("rustc:error:E0308 (2): mismatched types");
        prompt.Should().Contain("Cluster: rustc:error:E0308\n2 diagnostic(s) in 1 file(s): src/main.rs");
        prompt.Should().Contain("src/main.rs:2:18: error[E0308]: mismatched types\n");
        prompt.Should().Contain(">    2 |     let a: i32 = \"x\";").And.Contain("     3 |     let b: u8 = \"y\";");
        prompt.Should().Contain("… and 1 more like these.");
        prompt.Should().Contain("- E0308 must drop by at least 1\n- no new errors");
        prompt.Should().Contain("Nightshift re-runs the checks").And.Contain("it decides, not you");
        await Task.CompletedTask;
    }

    [Fact]
    public void A_cluster_in_generated_code_shows_the_generated_lines_the_input_the_hinted_files_and_the_notes()
    {
        _folder.Write("worktree/corpus/p3.tiny", "let a = \"x\"\nprint(a)\n");
        _folder.Write("worktree/src/type_mapper.rs", "pub fn map(t: &str) -> &str {\n    t\n}\n");
        _folder.Write("worktree/AGENTS.md", "Never edit corpus/: fix the generator.\n");
        _folder.Write("generated/corpus/p3.tiny/p3.rs", "fn main() {\n    let a: String = \"x\";\n    println!(\"{}\", a);\n}\n");
        var key = new ClusterKey("rustc", Severity.Error, "E0308", null);
        var diagnostic = new Diagnostic("rustc", Severity.Error, "E0308", "mismatched types", new SourceSpan("{work}/p3.rs", 2, 21)) { Item = "corpus/p3.tiny" };
        var cluster = new Cluster(key, [diagnostic]);
        var context = new ClusterTaskContext
        {
            GeneratedSamples = [diagnostic],
            GeneratedFolder = _folder["generated"],
            HintFiles = ["src/type_mapper.rs"],
            ContextFiles = ["AGENTS.md"],
        };

        var task = ClusterTasks.Create("task-8", cluster, _folder["worktree"], "- E0308 must drop", context: context);
        var prompt = new PromptLibrary().Load(PromptLibrary.TaskTemplate(task.Kind)).Render(task.Variables);

        prompt.Should().Contain("1 diagnostic(s) in 1 file(s): corpus/p3.tiny (the corpus items whose generated code has them)");
        prompt.Should().Contain("fix the generator, never the generated files");
        prompt.Should().Contain("{work}/p3.rs:2:21: error[E0308]: mismatched types\n    generated from corpus/p3.tiny\n");
        prompt.Should().Contain(">    2 |     let a: String = \"x\";");
        prompt.Should().Contain("Input corpus/p3.tiny:\n     1 | let a = \"x\"");
        prompt.Should().Contain("Errors of this kind are usually fixed in: src/type_mapper.rs (agent.hints).");
        prompt.Should().Contain("     1 | pub fn map(t: &str) -> &str {");
        prompt.Should().Contain("The repository's notes for agents (AGENTS.md):\n\nNever edit corpus/: fix the generator.");
    }

    [Fact]
    public void A_cluster_in_the_repositorys_own_files_gets_no_generated_hints_or_notes_sections()
    {
        _folder.Write("worktree/src/main.rs", "fn main() {\n    let a: i32 = \"x\";\n}\n");
        var cluster = new Cluster(
            new ClusterKey("rustc", Severity.Error, "E0308", null),
            [new Diagnostic("rustc", Severity.Error, "E0308", "mismatched types", new SourceSpan("src/main.rs", 2, 18))]);

        var task = ClusterTasks.Create("task-9", cluster, _folder["worktree"], "- E0308 must drop");

        task.Variables["generated"].Should().BeEmpty();
        task.Variables["hints"].Should().BeEmpty();
        task.Variables["context"].Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task An_agent_whose_task_template_lacks_a_variable_fails_before_the_first_query()
    {
        _folder.Write("prompts/task-cluster.md", "Fix {{cluster_key}} by {{deadline}}.");
        await using var server = await LoopbackServer.StartAsync();
        using var agent = BuiltInAgent.Create(new BuiltInAgentOptions("openai", "test-model")
        {
            BaseUrl = new Uri(server.BaseUrl, "v1"),
            PromptsDirectory = _folder["prompts"],
        });
        var transcript = new RecordingTranscript(_folder["transcript.jsonl"]);

        var run = () => agent.RunAsync(AgentRuns.Request(_folder.Path, new CargoChecks(_folder.Path, _folder["target"]), transcript), CancellationToken.None);

        (await run.Should().ThrowAsync<PromptTemplateException>()).Which.Variable.Should().Be("deadline");
        server.Requests.Should().BeEmpty();
    }

    public void Dispose() => _folder.Dispose();
}
