using System.Text.Json;
using Microsoft.Extensions.AI;
using Nightshift.Agents.Providers;
using Nightshift.Agents.Tools;
using Nightshift.Execution;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>No tool reaches outside the worktree: such calls are refused as observations and nothing outside changes.</summary>
public sealed class PathConfinementSpecs : IDisposable
{
    private const string OutsideText = "outside secret\n";

    private readonly TempDir _folder = new("confine");
    private readonly Toolbox _toolbox;

    public PathConfinementSpecs()
    {
        _folder.Write("worktree/src/lib.rs", "pub fn one() -> i32 { 1 }\n");
        _folder.Write("outside/notes.txt", OutsideText);
        File.CreateSymbolicLink(_folder["worktree/escape"], _folder["outside"]);
        File.CreateSymbolicLink(_folder["worktree/notes.txt"], _folder["outside/notes.txt"]);
        File.CreateSymbolicLink(_folder["worktree/dangling"], _folder["outside/created-through-link.txt"]);
        File.CreateSymbolicLink(_folder["worktree/src/inside-link.rs"], _folder["worktree/src/lib.rs"]);
        _toolbox = new Toolbox(_folder["worktree"], new CargoChecks(_folder["worktree"], _folder["target"]), new ProcessRunner(), new Redactor([]), 12_000);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("read_file", """{"path":"../outside/notes.txt"}""", "'..' may not appear")]
    [InlineData("read_file", """{"path":"/etc/passwd"}""", "absolute paths are not allowed")]
    [InlineData("read_file", """{"path":"escape/notes.txt"}""", "a symbolic link takes it outside")]
    [InlineData("read_file", """{"path":"notes.txt"}""", "a symbolic link takes it outside")]
    [InlineData("list_files", """{"path":"escape"}""", "a symbolic link takes it outside")]
    [InlineData("search", """{"pattern":"secret","path":"../outside"}""", "'..' may not appear")]
    [InlineData("write_file", """{"path":"../outside/new.txt","content":"x"}""", "'..' may not appear")]
    [InlineData("write_file", """{"path":"/tmp/nightshift-escape.txt","content":"x"}""", "absolute paths are not allowed")]
    [InlineData("write_file", """{"path":"escape/new.txt","content":"x"}""", "a symbolic link takes it outside")]
    [InlineData("write_file", """{"path":"dangling","content":"x"}""", "a symbolic link takes it outside")]
    [InlineData("edit", """{"path":"notes.txt","old_string":"outside","new_string":"inside"}""", "a symbolic link takes it outside")]
    [InlineData("edit", """{"path":"escape/notes.txt","old_string":"outside","new_string":"inside"}""", "a symbolic link takes it outside")]
    [InlineData("write_file", """{"path":".git/hooks/pre-commit","content":"x"}""", "belongs to git, not to the agent")]
    [InlineData("write_file", """{"path":"vendor/lib/.git/config","content":"x"}""", "belongs to git, not to the agent")]
    [InlineData("edit", """{"path":"sub/.git","old_string":"a","new_string":"b"}""", "belongs to git, not to the agent")]
    public async Task A_path_that_leaves_the_worktree_is_refused_as_an_observation(string tool, string arguments, string refusal)
    {
        var observation = await _toolbox.RunAsync(ToolCallJson.Parse("call_1", tool, arguments), CancellationToken.None);

        observation.IsError.Should().BeTrue();
        observation.Text.Should().StartWith($"Error: {tool}: ").And.Contain("is refused").And.Contain(refusal);
        File.ReadAllText(_folder["outside/notes.txt"]).Should().Be(OutsideText);
        Directory.GetFiles(_folder["outside"]).Should().Equal(_folder["outside/notes.txt"]);
        File.Exists("/tmp/nightshift-escape.txt").Should().BeFalse();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_patch_that_reaches_outside_is_refused_and_changes_nothing()
    {
        var patch = "--- a/../outside/notes.txt\n+++ b/../outside/notes.txt\n@@ -1 +1 @@\n-outside secret\n+changed\n";

        var observation = await _toolbox.RunAsync(Call("apply_patch", new { patch }), CancellationToken.None);

        observation.IsError.Should().BeTrue();
        observation.Text.Should().StartWith("Error: apply_patch: ");
        File.ReadAllText(_folder["outside/notes.txt"]).Should().Be(OutsideText);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_patch_through_a_symbolic_link_to_outside_is_refused_and_changes_nothing()
    {
        var patch = "--- a/escape/notes.txt\n+++ b/escape/notes.txt\n@@ -1 +1 @@\n-outside secret\n+changed\n";

        var observation = await _toolbox.RunAsync(Call("apply_patch", new { patch }), CancellationToken.None);

        observation.IsError.Should().BeTrue();
        observation.Text.Should().Contain("is refused");
        File.ReadAllText(_folder["outside/notes.txt"]).Should().Be(OutsideText);
    }

    [Fact(Timeout = 10_000)]
    public async Task Listing_and_searching_do_not_follow_links_out_of_the_worktree()
    {
        var listing = await _toolbox.RunAsync(Call("list_files", new { }), CancellationToken.None);
        var search = await _toolbox.RunAsync(Call("search", new { pattern = "secret" }), CancellationToken.None);

        listing.Text.Should().Contain("src/lib.rs").And.NotContain("escape/");
        search.IsError.Should().BeFalse();
        search.Text.Should().StartWith("No matches");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_link_that_stays_inside_the_worktree_is_followed()
    {
        var observation = await _toolbox.RunAsync(Call("read_file", new { path = "src/inside-link.rs" }), CancellationToken.None);

        observation.IsError.Should().BeFalse();
        observation.Text.Should().Contain("1\tpub fn one() -> i32 { 1 }");
    }

    public void Dispose() => _folder.Dispose();

    private static FunctionCallContent Call(string tool, object arguments) => ToolCallJson.Parse("call_1", tool, JsonSerializer.Serialize(arguments));
}
