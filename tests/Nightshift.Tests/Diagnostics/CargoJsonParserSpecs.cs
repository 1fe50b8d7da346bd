using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Tests.Diagnostics;

public sealed class CargoJsonParserSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Compiler_messages_are_unwrapped_and_other_reasons_ignored()
    {
        var output = Fixture.Read("cargo/clippy.json");
        output.Should().Contain("\"reason\":\"compiler-artifact\"").And.Contain("\"reason\":\"build-finished\"");

        var diagnostics = new CargoJsonParser().Parse(output);

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
    public async Task Failure_notes_are_not_counted()
    {
        var output = Fixture.Read("cargo/clippy.json");
        output.Should().Contain("\"level\":\"failure-note\"");

        var diagnostics = new CargoJsonParser().Parse(output);

        diagnostics.Count(d => d.IsError).Should().Be(2);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Every_applicability_rustc_gives_is_kept()
    {
        var diagnostics = new CargoJsonParser().Parse(Fixture.Read("cargo/clippy.json"));

        diagnostics.Select(d => d.Suggestions.Count).Should().Equal(1, 1, 1, 1, 1, 1);
        diagnostics.Select(d => d.Suggestions.Single().Applicability).Should().Equal(
            Applicability.MachineApplicable,
            Applicability.MachineApplicable,
            Applicability.MachineApplicable,
            Applicability.HasPlaceholders,
            Applicability.MachineApplicable,
            Applicability.MaybeIncorrect);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_suggestion_with_several_spans_is_one_suggestion_with_several_replacements()
    {
        var loop = new CargoJsonParser().Parse(Fixture.Read("cargo/clippy.json"))
            .Single(d => d.Code == "clippy::needless_range_loop");

        var suggestion = loop.Suggestions.Single();

        suggestion.Message.Should().Be("consider using an iterator");
        suggestion.Replacements.Should().Equal(
            new Replacement(new SourceSpan("src/lib.rs", 3, 9, 3, 10), "<item>", 67, 68),
            new Replacement(new SourceSpan("src/lib.rs", 3, 14, 3, 29), "&values", 72, 87));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_same_message_from_two_targets_of_one_package_counts_once()
    {
        var output = Fixture.Read("cargo/clippy.json");
        var warning = output.Split('\n').First(l => l.Contains("unused_mut", StringComparison.Ordinal));

        var diagnostics = new CargoJsonParser().Parse(output + "\n" + warning);

        diagnostics.Should().HaveCount(6);
        await Task.CompletedTask;
    }
}
