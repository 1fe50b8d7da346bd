using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Tests.Diagnostics;

public sealed class RustcJsonParserSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task A_multi_error_file_gives_every_error_and_warning_with_its_place()
    {
        var output = Fixture.Read("rustc/multi.json");

        var diagnostics = new RustcJsonParser().Parse(output);

        diagnostics.Select(d => (d.Severity, d.Code, d.Location!.File, d.Location.Line, d.Location.Column)).Should().Equal(
            (Severity.Warning, "unused_imports", "multi.rs", 1, 5),
            (Severity.Error, "E0308", "multi.rs", 13, 25),
            (Severity.Error, "E0425", "multi.rs", 15, 20),
            (Severity.Error, "E0308", "multi.rs", 16, 23));
        diagnostics.Should().OnlyContain(d => d.Tool == "rustc");
        diagnostics[1].Message.Should().Be("mismatched types");
        diagnostics[1].Location!.EndColumn.Should().Be(27);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Aborting_and_failure_notes_are_not_diagnostics()
    {
        var output = Fixture.Read("rustc/multi.json");
        output.Should().Contain("aborting due to 3 previous errors").And.Contain("failure-note");

        var diagnostics = new RustcJsonParser().Parse(output);

        diagnostics.Count(d => d.IsError).Should().Be(3);
        diagnostics.Should().NotContain(d => d.Message.Contains("aborting", StringComparison.Ordinal)
            || d.Message.Contains("For more information", StringComparison.Ordinal)
            || d.Message.Contains("detailed explanations", StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_warnings_emitted_summary_is_not_a_warning()
    {
        var output = Fixture.Read("rustc/warnings.json");
        output.Should().Contain("2 warnings emitted");

        var diagnostics = new RustcJsonParser().Parse(output);

        diagnostics.Select(d => d.Code).Should().Equal("unused_mut", "unused_variables");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Suggestions_come_from_the_children_with_applicability_and_byte_offsets()
    {
        var diagnostics = new RustcJsonParser().Parse(Fixture.Read("rustc/multi.json"));

        diagnostics.Select(d => d.Suggestions.Count).Should().Equal(1, 1, 1, 0);

        var removeImport = diagnostics[0].Suggestions.Single();
        removeImport.Applicability.Should().Be(Applicability.MachineApplicable);
        removeImport.Message.Should().Be("remove the whole `use` item");
        removeImport.Replacements.Single().Should().Be(
            new Replacement(new SourceSpan("multi.rs", 1, 1, 2, 1), "", 0, 31));

        var conversion = diagnostics[1].Suggestions.Single();
        conversion.Applicability.Should().Be(Applicability.MaybeIncorrect);
        conversion.Replacements.Single().Should().Be(
            new Replacement(new SourceSpan("multi.rs", 13, 27, 13, 27), ".to_string()", 225, 225));

        diagnostics[2].Suggestions.Single().Replacements.Single().Text.Should().Be("total");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Secondary_spans_children_and_the_rendered_text_are_kept()
    {
        var diagnostics = new RustcJsonParser().Parse(Fixture.Read("rustc/multi.json"));

        var mismatch = diagnostics[1];
        mismatch.Related.Should().ContainSingle().Which.Should().Be(new SourceSpan("multi.rs", 13, 16, 13, 22, "expected due to this"));
        mismatch.Children.Should().Equal("help: try using a conversion method");
        mismatch.Rendered.Should().StartWith("error[E0308]: mismatched types").And.Contain("--> multi.rs:13:25");
        mismatch.Item.Should().BeNull();
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Lines_that_are_not_json_diagnostics_are_ignored()
    {
        var output = "warning: something printed by a build script\n{not json\n{\"$message_type\":\"artifact\",\"artifact\":\"x.d\",\"emit\":\"dep-info\"}\n"
            + Fixture.Read("rustc/warnings.json");

        var diagnostics = new RustcJsonParser().Parse(output);

        diagnostics.Should().HaveCount(2);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_span_in_a_standard_library_macro_is_reported_at_the_call_site()
    {
        const string message = """
            {"$message_type":"diagnostic","message":"m","code":null,"level":"error","spans":[{"file_name":"<::core::macros::panic macros>","byte_start":1,"byte_end":2,"line_start":1,"line_end":1,"column_start":1,"column_end":2,"is_primary":true,"text":[],"label":null,"suggested_replacement":null,"suggestion_applicability":null,"expansion":{"span":{"file_name":"src/main.rs","byte_start":40,"byte_end":52,"line_start":3,"line_end":3,"column_start":5,"column_end":17,"is_primary":false,"text":[],"label":null,"suggested_replacement":null,"suggestion_applicability":null,"expansion":null},"macro_decl_name":"panic!","def_site_span":null}}],"children":[],"rendered":"error: m"}
            """;

        var diagnostic = new RustcJsonParser().Parse(message).Single();

        diagnostic.Location.Should().Be(new SourceSpan("src/main.rs", 3, 5, 3, 17));
        await Task.CompletedTask;
    }
}
