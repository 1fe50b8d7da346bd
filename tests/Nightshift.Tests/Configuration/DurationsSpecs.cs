using Nightshift.Configuration;

namespace Nightshift.Tests.Configuration;

public sealed class DurationsSpecs
{
    [Theory(Timeout = 10_000)]
    [InlineData("500ms", 0, 0, 0, 0, 500)]
    [InlineData("90s", 0, 0, 0, 90, 0)]
    [InlineData("10m", 0, 0, 10, 0, 0)]
    [InlineData("8h", 0, 8, 0, 0, 0)]
    [InlineData("1h30m", 0, 1, 30, 0, 0)]
    [InlineData("2d", 2, 0, 0, 0, 0)]
    [InlineData("1d2h3m4s5ms", 1, 2, 3, 4, 5)]
    [InlineData(" 45m ", 0, 0, 45, 0, 0)]
    public async Task Accepted_forms_parse_to_their_value(string text, int days, int hours, int minutes, int seconds, int milliseconds)
    {
        await Task.Yield();

        var parsed = Durations.TryParse(text, out var value);

        parsed.Should().BeTrue();
        value.Should().Be(new TimeSpan(days, hours, minutes, seconds, milliseconds));
    }

    [Theory(Timeout = 10_000)]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("8 hours")]
    [InlineData("1.5h")]
    [InlineData("30m1h")]
    [InlineData("1h1h")]
    [InlineData("-5m")]
    [InlineData("5M")]
    [InlineData("99999999999d")]
    [InlineData("999999999d")]
    public async Task Anything_else_is_rejected(string text)
    {
        await Task.Yield();

        Durations.TryParse(text, out _).Should().BeFalse();
        var parse = () => Durations.Parse(text);
        parse.Should().Throw<FormatException>().WithMessage("*Accepted forms: 500ms, 90s, 10m, 8h, 1h30m, 2d.");
    }

    [Theory(Timeout = 10_000)]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(172_800_000, "2d")]
    [InlineData(93_784_005, "1d2h3m4s5ms")]
    public async Task Formatting_gives_the_shortest_text_that_parses_back(long milliseconds, string expected)
    {
        await Task.Yield();
        var value = TimeSpan.FromMilliseconds(milliseconds);

        var text = Durations.Format(value);

        text.Should().Be(expected);
        Durations.Parse(text).Should().Be(value);
    }
}
