using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Tests.Diagnostics;

public sealed class MSBuildParserSpecs
{
    private const string Calculator = "/tmp/nightshift-fixtures/msbuild/Calculator.cs";

    private static readonly (string Tool, Severity Severity, string Code, string File, int? Line, int? Column)[] _expected =
    [
        ("msbuild", Severity.Warning, "MSB9008", "/usr/share/dotnet/sdk/10.0.401/Microsoft.Common.CurrentVersion.targets", 2205, 5),
        ("csc", Severity.Error, "CS0103", Calculator, 8, 24),
        ("csc", Severity.Warning, "CS0168", Calculator, 7, 13),
        ("csc", Severity.Error, "CS0029", Calculator, 13, 20),
        ("csc", Severity.Error, "CS0029", Calculator, 14, 16),
        ("csc", Severity.Warning, "CS8618", Calculator, 17, 19),
    ];

    [Fact(Timeout = 10_000)]
    public async Task The_summary_that_dotnet_build_repeats_counts_once()
    {
        var output = Fixture.Read("msbuild/build.txt");
        output.Split('\n').Count(l => l.Contains("error CS0103", StringComparison.Ordinal)).Should().Be(2);

        var diagnostics = new MSBuildParser().Parse(output);

        diagnostics.Select(d => (d.Tool, d.Severity, d.Code!, d.Location!.File, d.Location.Line, d.Location.Column)).Should().Equal(_expected);
        diagnostics.Count(d => d.IsError).Should().Be(3);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_project_suffix_is_not_part_of_the_message()
    {
        var diagnostics = new MSBuildParser().Parse(Fixture.Read("msbuild/build.txt"));

        diagnostics[1].Message.Should().Be("The name 'offset' does not exist in the current context");
        diagnostics[5].Message.Should().EndWith("declaring the property as nullable.");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Lines_wrapped_at_the_console_width_are_joined_again()
    {
        var output = Fixture.Read("msbuild/build-wrapped.txt");
        output.Should().Contain("The name 'of\nfset'");

        var diagnostics = new MSBuildParser().Parse(output);

        diagnostics.Select(d => (d.Tool, d.Severity, d.Code!, d.Location!.File, d.Location.Line, d.Location.Column)).Should().Equal(_expected);
        diagnostics[1].Message.Should().Be("The name 'offset' does not exist in the current context");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Origins_without_a_file_and_other_location_forms_are_read()
    {
        const string output = """
            CSC : error CS2001: Source file '/src/Missing.cs' could not be found. [/src/App.csproj]
            MSBUILD : error MSB1009: Project file does not exist.
            /src/App.csproj : error NU1101: Unable to find package Nope. No packages exist with this id in source(s): nuget.org [/src/App.sln]
            C:\src\App\Program.cs(10,5,10,20): warning CA1822: Member 'Run' does not access instance data and can be marked as static [C:\src\App\App.csproj::TargetFramework=net8.0]
                /src/Lib.cs(3,1): error CS1002: ; expected
            Build FAILED.
            """;

        var diagnostics = new MSBuildParser().Parse(output);

        diagnostics.Select(d => (d.Tool, d.Code, d.Location)).Should().Equal(
            ("csc", "CS2001", null),
            ("msbuild", "MSB1009", null),
            ("nuget", "NU1101", new SourceSpan("/src/App.csproj", null)),
            ("csc", "CA1822", new SourceSpan(@"C:\src\App\Program.cs", 10, 5, 10, 20)),
            ("csc", "CS1002", new SourceSpan("/src/Lib.cs", 3, 1)));
        diagnostics[3].Message.Should().Be("Member 'Run' does not access instance data and can be marked as static");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Colour_and_the_terminal_loggers_hyperlinks_are_stripped()
    {
        const string output = "\u001b[31m/src/A.cs(1,2): error CS0103: The name 'x' does not exist in the current context\u001b[39;49m\n"
            + "    /src/A.cs(3,4): warning \u001b]8;;https://aka.ms/x\u001b\\MSB9008\u001b]8;;\u001b\\: The referenced project does not exist.";

        var diagnostics = new MSBuildParser().Parse(output);

        diagnostics.Select(d => (d.Code, d.Location!.Line)).Should().Equal(("CS0103", 1), ("MSB9008", 3));
        await Task.CompletedTask;
    }
}
