using System.Text;
using System.Text.Json;
using Nightshift.Agents.Resilience;

namespace Nightshift.Tests.Agents.BuiltIn;

/// <summary>How a provider's answer is read when a model wrote a lone surrogate escape: as U+FFFD, in any chunking.</summary>
public sealed class LoneSurrogateSpecs
{
    [Theory(Timeout = 10_000)]
    [InlineData("""{"a":"x\ud800y"}""", """{"a":"x\ufffdy"}""")]
    [InlineData("""{"a":"x\uDC00"}""", """{"a":"x\ufffd"}""")]
    [InlineData("""{"a":"\ud83d\ude00 ok"}""", """{"a":"\ud83d\ude00 ok"}""")]
    [InlineData("""{"a":"\\ud800"}""", """{"a":"\\ud800"}""")]
    [InlineData("""{"a":"\\\ud800"}""", """{"a":"\\\ufffd"}""")]
    [InlineData("""{"a":"\ud800\ud83d\ude00"}""", """{"a":"\ufffd\ud83d\ude00"}""")]
    [InlineData("""{"a":"\ud800\n"}""", """{"a":"\ufffd\n"}""")]
    [InlineData("""{"a":"\u00e9\n\"q\""}""", """{"a":"\u00e9\n\"q\""}""")]
    [InlineData("""{"a":"end\ud800""", """{"a":"end\ufffd""")]
    public async Task Lone_surrogate_escapes_become_the_replacement_character_and_nothing_else_changes(string text, string expected)
    {
        await Task.Yield();
        foreach (var piece in new[] { 1, 3, 7, 1024 })
        {
            var escapes = new LoneSurrogateEscapes();
            var output = new List<byte>();
            var bytes = Encoding.UTF8.GetBytes(text);
            for (var start = 0; start < bytes.Length; start += piece)
            {
                escapes.Write(bytes.AsSpan(start, Math.Min(piece, bytes.Length - start)), output);
            }

            escapes.Finish(output);

            Encoding.UTF8.GetString([.. output]).Should().Be(expected, $"read in pieces of {piece} bytes");
        }
    }

    [Fact(Timeout = 10_000)]
    public async Task What_the_rewrite_makes_of_a_lone_surrogate_System_Text_Json_can_read()
    {
        await Task.Yield();
        var escapes = new LoneSurrogateEscapes();
        var output = new List<byte>();
        escapes.Write("""{"a":"x\ud800y"}"""u8, output);
        escapes.Finish(output);

        var action = () => JsonDocument.Parse("""{"a":"x\ud800y"}""").RootElement.GetProperty("a").GetString();

        action.Should().Throw<InvalidOperationException>("this is what the rewrite is for");
        JsonDocument.Parse(output.ToArray().AsMemory()).RootElement.GetProperty("a").GetString().Should().Be("x\ufffdy");
    }
}
