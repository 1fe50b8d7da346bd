using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Tests.Diagnostics;

public sealed class RegexParserSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Named_groups_fill_the_diagnostic()
    {
        const string pattern = @"^(?<file>[^:]+):(?<line>\d+):(?<column>\d+): (?<severity>\w+) \[(?<code>[\w-]+)\] (?<message>.+)$";
        const string output = """
            src/app.py:3:1: warning [unused-import] 'os' imported but unused
            src/app.py:10:5: error [undefined-name] undefined name 'x'
            checked 2 files
            """;

        var diagnostics = new RegexParser(pattern, "lint").Parse(output);

        diagnostics.Should().Equal(
            new Diagnostic("lint", Severity.Warning, "unused-import", "'os' imported but unused", new SourceSpan("src/app.py", 3, 1)),
            new Diagnostic("lint", Severity.Error, "undefined-name", "undefined name 'x'", new SourceSpan("src/app.py", 10, 5)));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Only_the_message_group_is_required()
    {
        var diagnostics = new RegexParser("^FAIL: (?<message>.*)$").Parse("ok\nFAIL: disk full\r\nFAIL: again\n");

        diagnostics.Should().Equal(
            new Diagnostic("custom", Severity.Error, null, "disk full", null),
            new Diagnostic("custom", Severity.Error, null, "again", null));
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData("^(?<file>.*):(?<line>\\d+)$", "no (?<message>...) group")]
    [InlineData("^(?<message>.*", "not a valid regular expression")]
    public async Task A_pattern_that_cannot_work_is_a_configuration_error(string pattern, string reason)
    {
        var create = () => DiagnosticParser.For(DiagnosticFormat.Regex, pattern);

        create.Should().Throw<DiagnosticPatternException>()
            .Where(e => e.Message.Contains(reason, StringComparison.Ordinal) && e.ExitCode == ExitCodes.UsageOrConfig);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_regex_format_without_a_pattern_is_a_configuration_error()
    {
        var create = () => DiagnosticParser.For(DiagnosticFormat.Regex);

        create.Should().Throw<DiagnosticPatternException>().WithMessage("*needs a pattern*");
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData("error", Severity.Error)]
    [InlineData("WARN", Severity.Warning)]
    [InlineData("note", Severity.Note)]
    [InlineData("hint", Severity.Help)]
    [InlineData("info", Severity.Info)]
    [InlineData("fatal", Severity.Error)]
    [InlineData(null, Severity.Error)]
    public async Task Severity_words_are_normalized(string? word, Severity expected)
    {
        RegexParser.SeverityOf(word).Should().Be(expected);
        await Task.CompletedTask;
    }
}
