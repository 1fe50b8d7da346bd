using System.Text;
using Nightshift.Execution;

namespace Nightshift.Tests.Execution;

public sealed class OutputReaderSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Lines_reach_the_callback_without_their_line_endings_and_the_last_one_even_unterminated()
    {
        var lines = await LinesOfAsync("one\r\ntwo\n\nthree");

        lines.Should().Equal("one", "two", "", "three");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_line_longer_than_the_cap_arrives_in_pieces_with_no_empty_line_after_it()
    {
        var lines = await LinesOfAsync(new string('x', 70_000) + "\nnext\n");

        lines.Select(line => line.Length).Should().Equal(65_536, 70_000 - 65_536, 4);
        lines[^1].Should().Be("next");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_line_exactly_at_the_cap_is_one_line()
    {
        var lines = await LinesOfAsync(new string('x', 65_536) + "\nnext\n");

        lines.Select(line => line.Length).Should().Equal(65_536, 4);
    }

    private static async Task<List<string>> LinesOfAsync(string text)
    {
        var lines = new List<string>();
        var reader = new OutputReader(
            OutputChannel.StandardOutput, 1_000_000, line => lines.Add(line.Text), new Lock(), new ActivityClock(), e => throw e);
        using var stream = new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        await reader.ReadToEndAsync(stream, CancellationToken.None);

        reader.Text.Should().Be(text, "the capture keeps the text as it came");
        return lines;
    }
}
