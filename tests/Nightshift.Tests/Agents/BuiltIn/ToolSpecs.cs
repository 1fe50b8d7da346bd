using System.Text.Json;
using Nightshift.Agents.Providers;
using Nightshift.Agents.Tools;
using Nightshift.Execution;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>The tools' observations: what the model learns from each call, including why a call failed.</summary>
public sealed class ToolSpecs : IDisposable
{
    private readonly TempDir _folder = new("tools");
    private readonly Toolbox _toolbox;

    public ToolSpecs()
    {
        _folder.Write("worktree/src/lib.rs", "pub fn one() -> i32 {\n    1\n}\n\npub fn two() -> i32 {\n    1\n}\n\npub fn three() -> i32 {\n    1\n}\n");
        _toolbox = new Toolbox(_folder["worktree"], new CargoChecks(_folder["worktree"], _folder["target"]), new ProcessRunner(), new Redactor([]), observationLimit: 2_000);
    }

    private string Source => File.ReadAllText(_folder["worktree/src/lib.rs"]);

    [Fact(Timeout = 10_000)]
    public async Task An_edit_whose_text_is_absent_fails_and_says_it_was_not_found()
    {
        var before = Source;

        var observation = await Run("edit", new { path = "src/lib.rs", old_string = "    4\n", new_string = "    5\n" });

        observation.IsError.Should().BeTrue();
        observation.Text.Should().Be("Error: edit: old_string was not found in src/lib.rs. It must match the file exactly, whitespace and indentation included; read_file shows the current text.");
        Source.Should().Be(before);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_edit_whose_text_is_not_unique_fails_and_says_how_many_matches_and_where()
    {
        var before = Source;

        var observation = await Run("edit", new { path = "src/lib.rs", old_string = "    1\n", new_string = "    2\n" });

        observation.IsError.Should().BeTrue();
        observation.Text.Should().Be("Error: edit: old_string occurs 3 times in src/lib.rs (at lines 2, 6, 10); include more surrounding lines so that it matches exactly once.");
        Source.Should().Be(before);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_unique_edit_replaces_exactly_that_text()
    {
        var observation = await Run("edit", new { path = "src/lib.rs", old_string = "pub fn two() -> i32 {\n    1\n", new_string = "pub fn two() -> i32 {\n    2\n" });

        observation.IsError.Should().BeFalse();
        observation.Text.Should().Be("Edited src/lib.rs: replaced 2 line(s) at line 5 with 2 line(s).");
        Source.Should().Be("pub fn one() -> i32 {\n    1\n}\n\npub fn two() -> i32 {\n    2\n}\n\npub fn three() -> i32 {\n    1\n}\n");
        _toolbox.TouchedFiles.Should().Equal("src/lib.rs");
    }

    [Fact(Timeout = 10_000)]
    public async Task Read_file_numbers_the_lines_of_the_range_asked_for()
    {
        var observation = await Run("read_file", new { path = "src/lib.rs", start_line = 5, end_line = "6" });

        observation.Text.Should().Be("src/lib.rs (lines 5-6 of 11)\n5\tpub fn two() -> i32 {\n6\t    1\n");
    }

    [Fact(Timeout = 10_000)]
    public async Task Search_reports_each_matching_line_with_its_place()
    {
        var observation = await Run("search", new { pattern = @"fn t\w+", path = "src" });

        observation.Text.Should().Be("src/lib.rs:5: pub fn two() -> i32 {\nsrc/lib.rs:9: pub fn three() -> i32 {\n");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_patch_is_applied_with_git_apply_and_a_broken_one_changes_nothing()
    {
        var patch = "--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -1,3 +1,3 @@\n pub fn one() -> i32 {\n-    1\n+    11\n }\n";
        var broken = "--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -1,3 +1,3 @@\n pub fn one() -> i32 {\n-    7\n+    8\n }";

        var applied = await Run("apply_patch", new { patch });
        var rejected = await Run("apply_patch", new { patch = broken });

        applied.Text.Should().Be("Applied the patch to src/lib.rs.");
        Source.Should().StartWith("pub fn one() -> i32 {\n    11\n}\n");
        rejected.IsError.Should().BeTrue();
        rejected.Text.Should().StartWith("Error: apply_patch: the patch does not apply, so nothing was changed: ").And.Contain("patch does not apply");
        Source.Should().StartWith("pub fn one() -> i32 {\n    11\n}\n");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_long_observation_keeps_its_head_and_its_tail()
    {
        _folder.Write("worktree/big.txt", string.Concat(Enumerable.Range(1, 400).Select(line => $"line {line}\n")));

        var observation = await Run("read_file", new { path = "big.txt" });

        observation.Text.Length.Should().BeLessThan(2_200);
        observation.Text.Should().StartWith("big.txt (lines 1-400 of 400)\n1\tline 1\n").And.EndWith("400\tline 400\n").And.Contain("characters omitted");
    }

    [Theory(Timeout = 10_000)]
    [InlineData("rm_rf", "{}", "Error: there is no tool 'rm_rf'. The tools are: list_files, read_file, search, edit, write_file, apply_patch, run_check, show_generated, run_tests, finish.")]
    [InlineData("read_file", "{\"path\": ", "Error: read_file: the arguments are not valid JSON")]
    [InlineData("read_file", "{}", "Error: read_file: the argument 'path' is required.")]
    [InlineData("read_file", "{\"path\":\"src/missing.rs\"}", "Error: read_file: there is no file 'src/missing.rs' in the worktree.")]
    [InlineData("search", "{\"pattern\":\"(\"}", "Error: search: the pattern is not a valid regular expression")]
    public async Task A_failed_call_is_an_observation_that_says_what_went_wrong(string tool, string arguments, string expected)
    {
        var observation = await _toolbox.RunAsync(ToolCallJson.Parse("call_1", tool, arguments), CancellationToken.None);

        observation.IsError.Should().BeTrue();
        observation.Text.Should().StartWith(expected);
    }

    /// <summary>
    /// Every tool, with a NUL, a lone surrogate (as the JSON escape a model writes) or a value past its limit in an
    /// argument: an error observation that says which argument, nothing changed, and the toolbox still works.
    /// </summary>
    [Theory(Timeout = 30_000)]
    [InlineData("read_file", """{"path":"src/\u0000lib.rs"}""", "the argument 'path' contains a NUL character")]
    [InlineData("read_file", """{"path":"src/\ud800.rs"}""", "the argument 'path' holds an invalid \\u escape")]
    [InlineData("read_file", """{"path":"LONG"}""", "the argument 'path' is 5000 characters long; at most 4096 are accepted")]
    [InlineData("write_file", """{"path":"src/new\u0000.rs","content":"x"}""", "the argument 'path' contains a NUL character")]
    [InlineData("write_file", """{"path":"src/new.rs","content":"\udc00"}""", "the argument 'content' holds an invalid \\u escape")]
    [InlineData("write_file", """{"path":"src/new.rs","content":"HUGE"}""", "more than a tool call may send")]
    [InlineData("edit", """{"path":"src/lib.rs","old_string":"1\u0000","new_string":"2"}""", "the argument 'old_string' contains a NUL character")]
    [InlineData("edit", """{"path":"src/lib.rs","old_string":"    1\n","new_string":"\ud83d"}""", "the argument 'new_string' holds an invalid \\u escape")]
    [InlineData("edit", """{"path":"LONG","old_string":"a","new_string":"b"}""", "the argument 'path' is 5000 characters long")]
    [InlineData("list_files", """{"path":"src\u0000"}""", "the argument 'path' contains a NUL character")]
    [InlineData("list_files", """{"path":"\ud800"}""", "the argument 'path' holds an invalid \\u escape")]
    [InlineData("list_files", """{"path":"LONG"}""", "the argument 'path' is 5000 characters long")]
    [InlineData("search", """{"pattern":"fn\u0000"}""", "the argument 'pattern' contains a NUL character")]
    [InlineData("search", """{"pattern":"fn","path":"\udfff"}""", "the argument 'path' holds an invalid \\u escape")]
    [InlineData("search", """{"pattern":"LONG"}""", "the argument 'pattern' is 5000 characters long")]
    [InlineData("apply_patch", """{"patch":"--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -1 +1 @@\n-pub fn one() -> i32 {\n+pub fn one() -> i32 { \u0000\n"}""", "the argument 'patch' contains a NUL character")]
    [InlineData("apply_patch", """{"patch":"\ud800"}""", "the argument 'patch' holds an invalid \\u escape")]
    [InlineData("apply_patch", """{"patch":"HUGE"}""", "more than a tool call may send")]
    [InlineData("run_check", """{"files":["src/lib.rs\u0000"]}""", "the argument 'files' contains a NUL character")]
    [InlineData("run_check", """{"files":["\ud800"]}""", "the argument 'files' holds an invalid \\u escape")]
    [InlineData("run_check", """{"files":["LONG"]}""", "the argument 'files' is 5000 characters long")]
    [InlineData("run_tests", """{"filter":"\u0000"}""", "the argument 'filter' contains a NUL character")]
    [InlineData("run_tests", """{"\ud800":"x"}""", "the arguments are not valid JSON")]
    [InlineData("run_tests", """{"filter":"HUGE"}""", "more than a tool call may send")]
    [InlineData("finish", """{"summary":"done\u0000"}""", "the argument 'summary' contains a NUL character")]
    [InlineData("finish", """{"summary":"done \ud800"}""", "the argument 'summary' holds an invalid \\u escape")]
    [InlineData("finish", """{"summary":"HUGE"}""", "more than a tool call may send")]
    public async Task A_NUL_a_lone_surrogate_or_an_oversized_argument_is_an_error_observation_for_every_tool(string tool, string arguments, string expected)
    {
        var before = Source;
        var json = arguments.Replace("LONG", new string('a', 5_000), StringComparison.Ordinal)
            .Replace("HUGE", new string('a', ToolArguments.MaxTextLength + 10_000), StringComparison.Ordinal);

        var observation = await _toolbox.RunAsync(ToolCallJson.Parse("call_1", tool, json), CancellationToken.None);
        var after = await Run("read_file", new { path = "src/lib.rs", start_line = 1, end_line = 1 });

        observation.Should().Match<ToolObservation>(o => o.IsError && o.FinishSummary == null);
        observation.Text.Should().StartWith($"Error: {tool}: ").And.Contain(expected);
        Source.Should().Be(before);
        File.Exists(_folder["worktree/src/new.rs"]).Should().BeFalse();
        _toolbox.TouchedFiles.Should().BeEmpty();
        after.Text.Should().Be("src/lib.rs (lines 1-1 of 11)\n1\tpub fn one() -> i32 {\n", "the toolbox goes on working");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_file_name_longer_than_the_file_system_allows_is_an_error_observation_not_a_crash()
    {
        var observation = await Run("write_file", new { path = "src/" + new string('a', 300) + ".rs", content = "x" });

        observation.IsError.Should().BeTrue();
        observation.Text.Should().StartWith("Error: write_file");
        Source.Should().StartWith("pub fn one()");
    }

    public void Dispose() => _folder.Dispose();

    private Task<ToolObservation> Run(string tool, object arguments) =>
        _toolbox.RunAsync(ToolCallJson.Parse("call_1", tool, JsonSerializer.Serialize(arguments)), CancellationToken.None);
}
