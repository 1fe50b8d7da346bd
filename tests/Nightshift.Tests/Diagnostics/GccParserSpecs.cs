using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Tests.Diagnostics;

public sealed class GccParserSpecs
{
    private static readonly (Severity Severity, string? Code, string File, int? Line, int? Column, int Suggestions)[] _gcc =
    [
        (Severity.Error, null, "config.h", 3, 20, 0),
        (Severity.Error, null, "main.cpp", 6, 2, 1),
        (Severity.Error, null, "main.cpp", 10, 14, 1),
        (Severity.Warning, "-Wunused-variable", "main.cpp", 9, 9, 0),
        (Severity.Error, null, "main.cpp", 15, 16, 0),
        (Severity.Warning, "-Wparentheses", "warn.cpp", 3, 11, 0),
        (Severity.Warning, "-Wunused-variable", "warn.cpp", 2, 9, 0),
    ];

    [Theory(Timeout = 10_000)]
    [InlineData("gcc/build.txt")]
    [InlineData("gcc/fixits.txt")]
    public async Task Gcc_errors_and_warnings_have_their_flag_as_code(string fixture)
    {
        var diagnostics = new GccParser().Parse(Fixture.Read(fixture));

        Summarize(diagnostics).Should().Equal(_gcc);
        diagnostics[3].Message.Should().Be("unused variable ‘unused’");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_note_belongs_to_the_diagnostic_before_it()
    {
        var diagnostics = new GccParser().Parse(Fixture.Read("gcc/build.txt"));

        var call = diagnostics[4];
        call.Message.Should().Be("too many arguments to function ‘int area(const Widget&)’");
        call.Related.Should().Equal(new SourceSpan("main.cpp", 8, 5, Label: "declared here"));
        call.Children.Should().Equal("note: declared here");
        call.Rendered.Should().Contain("main.cpp:8:5: note: declared here").And.Contain("int area(const Widget& w) {");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_include_chain_is_related_to_the_error_it_leads_to_nearest_first()
    {
        var gcc = new GccParser().Parse(Fixture.Read("gcc/build.txt"))[0];
        var clang = new GccParser().Parse(Fixture.Read("clang/build.txt"))[0];

        gcc.Related.Should().Equal(
            new SourceSpan("widget.h", 2, Label: "included from here"),
            new SourceSpan("main.cpp", 1, Label: "included from here"));
        clang.Related.Should().Equal(
            new SourceSpan("./widget.h", 2, Label: "included from here"),
            new SourceSpan("main.cpp", 1, Label: "included from here"));
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData("gcc/build.txt")]
    [InlineData("gcc/fixits.txt")]
    public async Task Fix_it_hints_become_suggestions_from_the_snippet_or_the_parseable_lines(string fixture)
    {
        var diagnostics = new GccParser().Parse(Fixture.Read(fixture));

        diagnostics[1].Suggestions.Single().Replacements.Should().Equal(
            new Replacement(new SourceSpan("main.cpp", 6, 2, 6, 2), ";"));
        diagnostics[2].Suggestions.Single().Replacements.Should().Equal(
            new Replacement(new SourceSpan("main.cpp", 10, 14, 10, 19), "width"));
        diagnostics[2].Suggestions.Single().Applicability.Should().Be(Applicability.Unspecified);
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData("clang/build.txt")]
    [InlineData("clang/fixits.txt")]
    public async Task Clang_notes_with_fix_its_are_suggestions_of_the_warning(string fixture)
    {
        var diagnostics = new GccParser().Parse(Fixture.Read(fixture));

        Summarize(diagnostics).Should().Equal(
            (Severity.Error, null, "./config.h", 3, 20, 0),
            (Severity.Error, null, "main.cpp", 6, 2, 1),
            (Severity.Error, null, "main.cpp", 10, 14, 0),
            (Severity.Error, null, "main.cpp", 15, 12, 0),
            (Severity.Warning, "-Wparentheses", "warn.cpp", 3, 11, 2),
            (Severity.Warning, "-Wunused-variable", "warn.cpp", 2, 9, 0));
        var parentheses = diagnostics[4].Suggestions;
        parentheses[0].Message.Should().Be("place parentheses around the assignment to silence this warning");
        parentheses[0].Replacements.Should().Equal(
            new Replacement(new SourceSpan("warn.cpp", 3, 9, 3, 9), "("),
            new Replacement(new SourceSpan("warn.cpp", 3, 14, 3, 14), ")"));
        parentheses[1].Replacements.Should().Equal(new Replacement(new SourceSpan("warn.cpp", 3, 11, 3, 12), "=="));
        diagnostics[0].Message.Should().Be("use of undeclared identifier 'factor'");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Werror_flags_linker_errors_and_escaped_fix_its_are_read()
    {
        const string output = """
            a.c:2:9: error: unused variable 'x' [-Werror=unused-variable]
            b.c:4:3: error: unused variable 'y' [-Werror,-Wunused-variable]
            fix-it:"b.c":{4:3-4:3}:"\"q\"\\"
            collect2: error: ld returned 1 exit status
            cc1: all warnings being treated as errors
            """;

        var diagnostics = new GccParser().Parse(output);

        diagnostics.Select(d => (d.Code, d.Location?.File)).Should().Equal(
            ("-Wunused-variable", "a.c"), ("-Wunused-variable", "b.c"), (null, null));
        diagnostics[1].Suggestions.Single().Replacements.Single().Text.Should().Be("\"q\"\\");
        diagnostics[2].Message.Should().Be("ld returned 1 exit status");
        await Task.CompletedTask;
    }

    private static IEnumerable<(Severity, string?, string, int?, int?, int)> Summarize(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => (d.Severity, d.Code, d.Location!.File, d.Location.Line, d.Location.Column, d.Suggestions.Count));
}
