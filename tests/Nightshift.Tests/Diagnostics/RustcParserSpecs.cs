using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Tests.Diagnostics;

public sealed class RustcParserSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Headers_and_arrows_give_code_severity_and_place()
    {
        var diagnostics = new RustcParser().Parse(Fixture.Read("rustc/multi.txt"));

        diagnostics.Select(d => (d.Severity, d.Code, d.Location!.File, d.Location.Line, d.Location.Column)).Should().Equal(
            (Severity.Warning, "unused_imports", "multi.rs", 1, 5),
            (Severity.Error, "E0308", "multi.rs", 13, 25),
            (Severity.Error, "E0425", "multi.rs", 15, 20),
            (Severity.Error, "E0308", "multi.rs", 16, 23));
        diagnostics[2].Message.Should().Be("cannot find function `totl` in this scope");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Aborting_and_explanation_lines_are_not_diagnostics()
    {
        var output = Fixture.Read("rustc/multi.txt");
        output.Should().Contain("error: aborting due to 3 previous errors");

        var diagnostics = new RustcParser().Parse(output);

        diagnostics.Count(d => d.IsError).Should().Be(3);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Help_suggestions_are_text_only_in_the_human_format()
    {
        var diagnostics = new RustcParser().Parse(Fixture.Read("rustc/multi.txt"));

        diagnostics.Should().OnlyContain(d => d.Suggestions.Count == 0);
        diagnostics[1].Children.Should().Equal("help: try using a conversion method");
        diagnostics[1].Rendered.Should().Contain("42.to_string()");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Cargo_summary_lines_are_skipped_and_lint_codes_come_from_notes()
    {
        var output = Fixture.Read("cargo/clippy.txt");
        output.Should().Contain("generated 4 warnings").And.Contain("error: could not compile");

        var diagnostics = new RustcParser().Parse(output);

        diagnostics.Select(d => (d.Severity, d.Code, d.Location!.File, d.Location.Line, d.Location.Column)).Should().Equal(
            (Severity.Warning, "unused_mut", "src/lib.rs", 11, 9),
            (Severity.Warning, "unused_variables", "src/lib.rs", 11, 9),
            (Severity.Warning, "unused_variables", "src/lib.rs", 19, 9),
            (Severity.Warning, "clippy::needless_range_loop", "src/lib.rs", 3, 14),
            (Severity.Error, "E0308", "src/main.rs", 5, 20),
            (Severity.Error, "E0599", "src/main.rs", 6, 28));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_later_warning_of_a_lint_gets_the_code_only_the_first_one_names()
    {
        var diagnostics = new RustcParser().Parse(Fixture.Read("cargo/clippy.txt"));

        var spare = diagnostics.Single(d => d.Message == "unused variable: `spare`");

        spare.Children.Should().BeEmpty("rustc names a lint only on its first warning");
        spare.Code.Should().Be("unused_variables");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Child_notes_with_their_own_location_are_related_spans_not_diagnostics()
    {
        const string output = """
            error: unused variable: `x`
             --> src/main.rs:3:9
              |
            3 |     let x = 5;
              |         ^ help: if this is intentional, prefix it with an underscore: `_x`
              |
            note: the lint level is defined here
             --> src/main.rs:1:9
              |
            1 | #![deny(unused_variables)]
              |         ^^^^^^^^^^^^^^^^

            error: aborting due to 1 previous error
            """;

        var diagnostic = new RustcParser().Parse(output).Single();

        diagnostic.Location.Should().Be(new SourceSpan("src/main.rs", 3, 9));
        diagnostic.Related.Should().Equal(new SourceSpan("src/main.rs", 1, 9, Label: "the lint level is defined here"));
        diagnostic.Code.Should().BeNull();
        await Task.CompletedTask;
    }
}
