using System.Text;
using System.Text.Json.Nodes;
using Nightshift.Tests.Agents.BuiltIn;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.BurnDown;

/// <summary>
/// A real <c>nightshift run</c> process with the built-in agent against a scripted OpenAI-compatible server on loopback:
/// the model sends the malformed tool calls that once ended the night (a NUL, lone surrogates on the wire and inside the
/// arguments, a path longer than any file system allows), reads a file holding the API key and a secret-named variable's
/// value, and then applies a real fix with apply_patch while the process inherited a GIT_DIR that points nowhere. The night
/// ends normally with the fix landed, and neither secret reaches the model or anything under .nightshift.
/// </summary>
public sealed class NightAgentSafetySpecs
{
    private const string Program = "corpus/p017_buffer_not_mut.rs";

    private const string Fix = """
        --- a/corpus/p017_buffer_not_mut.rs
        +++ b/corpus/p017_buffer_not_mut.rs
        @@ -2,3 +2,3 @@
         fn fill(n: usize) -> Vec<u8> {
        -    let buffer = Vec::with_capacity(n);
        +    let mut buffer = Vec::with_capacity(n);
             for i in 0..n {

        """;

    [Fact(Timeout = 300_000)]
    public async Task Malformed_tool_calls_do_not_end_the_night_and_secrets_never_reach_the_model()
    {
        var apiKey = "sk-night-" + Guid.NewGuid().ToString("N");
        var token = "tok-night-" + Guid.NewGuid().ToString("N");
        Func<LoopbackResponse>[] script =
        [
            () => OpenAIWire.ToolCall(false, "call_nul", "read_file", new { path = "corpus/p017\0.rs" }, 10, 1),
            () => OpenAIWire.WithLoneSurrogates(OpenAIWire.ToolCall(false, "call_wire", "read_file", new { path = $"corpus/{OpenAIWire.LoneSurrogate}.rs" }, 10, 1)),
            () => OpenAIWire.ToolCallJson(false, "call_escaped", "edit", $$"""{"path":"{{Program}}","old_string":"\udc00","new_string":"x"}""", 10, 1),
            () => OpenAIWire.ToolCall(false, "call_long", "write_file", new { path = new string('a', 5_000), content = "x" }, 10, 1),
            () => OpenAIWire.ToolCall(false, "call_read", "read_file", new { path = "notes/deploy.txt" }, 10, 1),
            () => OpenAIWire.ToolCall(false, "call_patch", "apply_patch", new { patch = Fix }, 10, 1),
            () => OpenAIWire.ToolCall(false, "call_finish", "finish", new { summary = "Made the buffer mutable." }, 10, 1),
        ];
        await using var server = await LoopbackServer.StartAsync((request, _) =>
        {
            var step = request.Json.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("role").GetString() == "tool");
            return step < script.Length ? script[step]() : null;
        });
        using var repo = await NightRepo.CreateAsync();
        foreach (var program in NightRepo.Programs.Where(p => $"corpus/{p}" != Program))
        {
            File.Delete(repo.Repo[$"corpus/{program}"]);
        }

        repo.Repo.Write("notes/deploy.txt", $"key: {apiKey}\ntoken: {token}\n");
        repo.Repo.Write("nightshift.yml", repo.Repo.Read("nightshift.yml").Replace(
            "agent:\n  provider: suggest\n",
            $"agent:\n  provider: openai\n  model: test-model\n  base_url: {new Uri(server.BaseUrl, "v1")}\n",
            StringComparison.Ordinal));
        await repo.Repo.CommitAllAsync("one program, an openai agent, and a file with secrets");

        var run = await CliRun.SubprocessAsync(repo.Path, ["run", "--json"], new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = apiKey,
            ["NIGHTSHIFT_SPEC_DEPLOY_TOKEN"] = token,
            ["GIT_DIR"] = repo.Repo["no-such-repository/.git"],
        });

        run.ExitCode.Should().Be(0, run.Err);
        var result = JsonNode.Parse(run.Out)!;
        result["stop_reason"]!.GetValue<string>().Should().Be("clusters_exhausted");
        result["commits"]!.GetValue<int>().Should().Be(1, run.Err);
        (await repo.Repo.GitAsync("show", "nightshift/test:" + Program)).Should().Contain("let mut buffer");

        var observations = server.Requests[^1].Json.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == "tool").Select(m => m.GetProperty("content").GetString()!).ToList();
        observations.Should().HaveCount(6);
        observations[0].Should().StartWith("Error: read_file: the argument 'path' contains a NUL character");
        observations[1].Should().Be("Error: read_file: there is no file 'corpus/\ufffd.rs' in the worktree.");
        observations[2].Should().StartWith("Error: edit: the argument 'old_string' holds an invalid \\u escape");
        observations[3].Should().StartWith("Error: write_file: the argument 'path' is 5000 characters long");
        observations[4].Should().Contain("key: ***").And.Contain("token: ***");
        observations[5].Should().Be($"Applied the patch to {Program}.", "git apply runs with the git layer's environment, not the inherited GIT_DIR");

        server.Requests.Should().OnlyContain(r => !r.Body.Contains(apiKey, StringComparison.Ordinal) && !r.Body.Contains(token, StringComparison.Ordinal));
        // The worker's worktree is a checkout of the repository, which holds the secret in notes/deploy.txt itself.
        var worktrees = Path.Combine(repo.NightshiftDirectory, "worktrees") + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(repo.NightshiftDirectory, "*", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(worktrees, StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(apiKey)).Should().Be(-1, $"{file} must not hold the API key");
            bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)).Should().Be(-1, $"{file} must not hold the token");
        }
    }
}
