using System.Text.Json;

namespace Nightshift.Tests.Dummy;

/// <summary>
/// Plays Claude Code in <c>-p --output-format stream-json --verbose</c> mode: reads the prompt from stdin,
/// writes <c>fixed.txt</c> (the prompt's first line) in the working directory, and prints the events a real
/// run prints, plus a line that is not JSON and an event type no reader knows, ending with a result of
/// 2 turns, $0.0123, 250+40+10 tokens in and 50 out.
/// </summary>
internal static class FakeClaude
{
    public static int Run()
    {
        var prompt = Console.In.ReadToEnd();
        var firstLine = prompt.Split('\n')[0];
        var content = $"fixed: {firstLine}\n";
        File.WriteAllText("fixed.txt", content);

        Emit(new { type = "system", subtype = "init", cwd = Environment.CurrentDirectory, model = "claude-fake", tools = (string[])["Write"] });
        Emit(Assistant("msg_1", new { type = "text", text = "I will write the fix." }, 100, 20));
        Emit(Assistant("msg_1", new { type = "tool_use", id = "toolu_1", name = "Write", input = new { file_path = "fixed.txt", content } }, 100, 20));
        Emit(new
        {
            type = "user",
            message = new { role = "user", content = new[] { new { type = "tool_result", tool_use_id = "toolu_1", content = "File created successfully at: fixed.txt" } } },
        });
        Console.Out.WriteLine("a line that is not JSON");
        Emit(new { type = "rate_limit_event", info = new { status = "allowed" } });
        Emit(Assistant("msg_2", new { type = "text", text = "Done: wrote fixed.txt." }, 150, 30));
        Emit(new
        {
            type = "result",
            subtype = "success",
            is_error = false,
            duration_ms = 1234,
            num_turns = 2,
            result = "Done: wrote fixed.txt.",
            total_cost_usd = 0.0123m,
            usage = new { input_tokens = 250, cache_creation_input_tokens = 40, cache_read_input_tokens = 10, output_tokens = 50 },
        });
        return 0;
    }

    private static object Assistant(string id, object block, int input, int output) => new
    {
        type = "assistant",
        message = new { id, role = "assistant", content = new[] { block }, usage = new { input_tokens = input, output_tokens = output } },
    };

    private static void Emit(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value));
}
