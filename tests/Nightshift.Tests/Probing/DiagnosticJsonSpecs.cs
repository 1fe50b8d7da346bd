using System.Text.Json;
using Nightshift.Diagnostics;
using Nightshift.Probing;

namespace Nightshift.Tests.Probing;

public sealed class DiagnosticJsonSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task A_diagnostic_with_every_part_set_reads_back_equal()
    {
        await Task.Yield();
        var diagnostic = new Diagnostic("rustc", Severity.Warning, "unused_mut", "variable does not need to be mutable",
            new SourceSpan("src/main.rs", 3, 9, 3, 17, "help: remove this `mut`"))
        {
            Related = [new SourceSpan("src/lib.rs", 10, null), new SourceSpan("src/x.rs", 1, 2, 4, 5, "label")],
            Children = ["`#[warn(unused_mut)]` on by default", "help: remove this `mut`"],
            Suggestions =
            [
                new Suggestion("remove this `mut`", [new Replacement(new SourceSpan("src/main.rs", 3, 9, 3, 13), "", 40, 44)], Applicability.MachineApplicable),
                new Suggestion("or this", [new Replacement(new SourceSpan("src/main.rs", 3, 9), "let")], Applicability.HasPlaceholders),
            ],
            Rendered = "warning: variable does not need to be mutable\n --> src/main.rs:3:9\n",
            Item = "corpus/a.rs",
        };

        var json = DiagnosticJson.Serialize([diagnostic]);
        var back = DiagnosticJson.Deserialize(json);

        back.Should().ContainSingle().Which.Should().BeEquivalentTo(diagnostic, o => o.WithStrictOrdering());
        json.Should().Contain("\"severity\":\"Warning\"").And.Contain("\"applicability\":\"MachineApplicable\"");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_diagnostic_without_optional_parts_reads_back_with_empty_lists_and_nulls()
    {
        await Task.Yield();
        var diagnostic = new Diagnostic("gcc", Severity.Error, null, "'x' undeclared", null);

        var back = DiagnosticJson.Deserialize(DiagnosticJson.Serialize([diagnostic])).Single();

        back.Should().BeEquivalentTo(diagnostic);
        back.Related.Should().BeEmpty();
        back.Suggestions.Should().BeEmpty();
        back.Location.Should().BeNull();
        back.Item.Should().BeNull();
    }

    [Fact(Timeout = 10_000)]
    public async Task Every_diagnostic_parsed_from_real_rustc_output_survives_the_round_trip()
    {
        var output = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rustc", "multi.json"));
        var parsed = DiagnosticParser.For(DiagnosticFormat.RustcJson).Parse(output);

        var back = DiagnosticJson.Deserialize(DiagnosticJson.Serialize(parsed));

        parsed.Should().NotBeEmpty();
        parsed.Should().Contain(d => d.Suggestions.Count > 0, "the fixture has suggestions to carry");
        back.Should().BeEquivalentTo(parsed, o => o.WithStrictOrdering());
    }

    [Fact(Timeout = 10_000)]
    public async Task Text_that_is_not_a_list_of_diagnostics_is_rejected()
    {
        await Task.Yield();

        FluentActions.Invoking(() => DiagnosticJson.Deserialize("null")).Should().Throw<JsonException>();
        FluentActions.Invoking(() => DiagnosticJson.Deserialize("{\"tool\":1}")).Should().Throw<JsonException>();
    }
}
