using Nightshift.Clustering;

namespace Nightshift.Tests.Clustering;

public sealed class MessageTemplateSpecs
{
    [Theory(Timeout = 10_000)]
    [InlineData("unused variable: `count`", "unused variable: `{id}`")]
    [InlineData("expected `Vec<i32>`, found `&str`", "expected `{type}`, found `{type}`")]
    [InlineData("cannot find value `self::x::y` in this scope", "cannot find value `{type}` in this scope")]
    [InlineData("name 'amount' is not defined", "name '{}' is not defined")]
    [InlineData("unused variable ‘unused’", "unused variable '{}'")]
    [InlineData("Module '\"./b\"' has no exported member \"missing\".", "Module '{}' has no exported member '{}'.")]
    [InlineData("doesn't fit in 'u8'", "doesn't fit in '{}'")]
    [InlineData("expected 3 arguments, found 12", "expected {n} arguments, found {n}")]
    [InlineData("line 1 column 2 (char 1.5)", "line {n} column {n} (char {n})")]
    [InlineData("E0308 in i32 and utf8 stay", "E0308 in i32 and utf8 stay")]
    [InlineData("could not read /tmp/work/a.txt or ./src/lib.rs", "could not read {path} or {path}")]
    [InlineData("see src/main.rs and C:\\src\\App.cs", "see {path} and {path}")]
    [InlineData("read and/or write  twice", "read and/or write twice")]
    public async Task Names_numbers_and_paths_become_placeholders(string message, string template)
    {
        MessageTemplate.Normalize(message).Should().Be(template);
        await Task.CompletedTask;
    }
}
