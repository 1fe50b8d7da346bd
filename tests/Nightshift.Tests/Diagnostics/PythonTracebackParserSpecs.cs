using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Tests.Diagnostics;

public sealed class PythonTracebackParserSpecs
{
    private const string Dir = "/tmp/nightshift-fixtures/python/";

    [Fact(Timeout = 10_000)]
    public async Task The_exception_type_is_the_code_and_the_innermost_frame_the_location()
    {
        var diagnostic = new PythonTracebackParser().Parse(Fixture.Read("python/nameerror.txt")).Single();

        diagnostic.Should().BeEquivalentTo(new
        {
            Tool = "python",
            Severity = Severity.Error,
            Code = "NameError",
            Message = "name 'amount' is not defined",
            Location = new SourceSpan(Dir + "inventory.py", 2, Label: "in restock"),
        });
        diagnostic.Location!.Column.Should().BeNull("Python prints the source line dedented");
        diagnostic.Related.Select(s => (s.Line, s.Label)).Should().Equal((6, "in <dictcomp>"), (6, "in report"), (10, "in <module>"));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_chain_of_exceptions_is_one_diagnostic_for_the_last_with_its_cause()
    {
        var diagnostic = new PythonTracebackParser().Parse(Fixture.Read("python/chained.txt")).Single();

        diagnostic.Code.Should().Be("ValueError");
        diagnostic.Message.Should().Be("bad config: Expecting property name enclosed in double quotes");
        diagnostic.Location.Should().Be(new SourceSpan(Dir + "parse.py", 8, Label: "in load"));
        diagnostic.Children.Should().Equal(
            "caused by: json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");
        diagnostic.Rendered.Should().Contain("json/decoder.py").And.EndWith("ValueError: bad config: Expecting property name enclosed in double quotes");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_scripts_syntax_error_has_no_traceback_header()
    {
        var diagnostic = new PythonTracebackParser().Parse(Fixture.Read("python/syntaxerror.txt")).Single();

        diagnostic.Code.Should().Be("SyntaxError");
        diagnostic.Message.Should().Be("'(' was never closed");
        diagnostic.Location.Should().Be(new SourceSpan(Dir + "broken.py", 2));
        diagnostic.Related.Should().BeEmpty();
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_syntax_error_met_on_import_is_located_in_the_broken_module()
    {
        var diagnostic = new PythonTracebackParser().Parse(Fixture.Read("python/syntaxerror-import.txt")).Single();

        diagnostic.Code.Should().Be("SyntaxError");
        diagnostic.Location.Should().Be(new SourceSpan(Dir + "broken.py", 2));
        diagnostic.Related.Should().Equal(new SourceSpan(Dir + "imports_broken.py", 1, Label: "in <module>"));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Several_tracebacks_in_one_output_are_several_diagnostics()
    {
        string[] names = ["nameerror", "chained", "syntaxerror", "syntaxerror-import"];
        var output = string.Join("some output\n", names.Select(name => Fixture.Read($"python/{name}.txt")));

        var diagnostics = new PythonTracebackParser().Parse(output);

        diagnostics.Select(d => d.Code).Should().Equal("NameError", "ValueError", "SyntaxError", "SyntaxError");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_exception_without_a_message_uses_its_type_as_the_message()
    {
        const string output = """
            Traceback (most recent call last):
              File "loop.py", line 3, in <module>
                time.sleep(1)
            KeyboardInterrupt
            """;

        var diagnostic = new PythonTracebackParser().Parse(output).Single();

        diagnostic.Code.Should().Be("KeyboardInterrupt");
        diagnostic.Message.Should().Be("KeyboardInterrupt");
        await Task.CompletedTask;
    }
}
