using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Tests.Diagnostics;

public sealed class TscParserSpecs
{
    private static readonly (string Code, int? Line, int? Column)[] _expected =
    [
        ("TS2305", 1, 10),
        ("TS2322", 3, 7),
        ("TS2552", 5, 20),
        ("TS2552", 10, 24),
        ("TS2345", 13, 19),
        ("TS2741", 16, 7),
        ("TS2322", 18, 14),
    ];

    [Theory(Timeout = 10_000)]
    [InlineData("tsc/tsc5-plain.txt")]
    [InlineData("tsc/tsc5-pretty.txt")]
    [InlineData("tsc/tsc7-plain.txt")]
    [InlineData("tsc/tsc7-pretty.txt")]
    public async Task Plain_and_pretty_output_of_tsc_5_and_7_give_the_same_errors(string fixture)
    {
        var diagnostics = new TscParser().Parse(Fixture.Read(fixture));

        diagnostics.Select(d => (d.Code!, d.Location!.Line, d.Location.Column)).Should().Equal(_expected);
        diagnostics.Should().OnlyContain(d => d.Tool == "tsc" && d.Severity == Severity.Error && d.Location!.File == "src/a.ts");
        diagnostics[2].Message.Should().Be("Cannot find name 'itemz'. Did you mean 'item'?");
        diagnostics.Should().OnlyContain(d => d.Suggestions.Count == 0);
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData("tsc/tsc5-plain.txt")]
    [InlineData("tsc/tsc7-pretty.txt")]
    public async Task An_elaborated_message_keeps_its_first_line_and_the_rest_as_children(string fixture)
    {
        var chained = new TscParser().Parse(Fixture.Read(fixture))[6];

        chained.Message.Should().Be("Type '(s: string) => string' is not assignable to type '(n: number) => string'.");
        chained.Children.Should().Equal(
            "Types of parameters 's' and 'n' are incompatible.",
            "Type 'number' is not assignable to type 'string'.");
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData("tsc/tsc5-pretty.txt")]
    [InlineData("tsc/tsc7-pretty.txt")]
    public async Task Pretty_related_locations_become_related_spans(string fixture)
    {
        var diagnostics = new TscParser().Parse(Fixture.Read(fixture));

        diagnostics.Select(d => d.Related.Count).Should().Equal(0, 0, 1, 1, 0, 1, 0);
        diagnostics[3].Related.Single().Should().Be(new SourceSpan("src/a.ts", 9, 16, Label: "'name' is declared here."));
        diagnostics[5].Related.Single().Should().Be(new SourceSpan("src/a.ts", 15, 35, Label: "'radius' is declared here."));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Ansi_colour_is_stripped_from_the_pretty_format()
    {
        var output = Fixture.Read("tsc/tsc7-pretty.txt");
        output.Should().Contain("\u001b[");

        var diagnostic = new TscParser().Parse(output)[0];

        diagnostic.Message.Should().Be("Module '\"./b\"' has no exported member 'missing'.");
        diagnostic.Rendered.Should().NotContain("\u001b").And.Contain("import { missing } from \"./b\";");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_error_about_no_file_has_no_location()
    {
        var diagnostic = new TscParser().Parse("error TS18003: No inputs were found in config file 'tsconfig.json'.").Single();

        diagnostic.Code.Should().Be("TS18003");
        diagnostic.Location.Should().BeNull();
        await Task.CompletedTask;
    }
}
