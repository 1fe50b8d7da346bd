using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Tests.Diagnostics;

public sealed class DiagnosticParserSpecs
{
    [Theory(Timeout = 10_000)]
    [InlineData("cargo-json", DiagnosticFormat.CargoJson, typeof(CargoJsonParser))]
    [InlineData("rustc-json", DiagnosticFormat.RustcJson, typeof(RustcJsonParser))]
    [InlineData("rustc", DiagnosticFormat.Rustc, typeof(RustcParser))]
    [InlineData("msbuild", DiagnosticFormat.MSBuild, typeof(MSBuildParser))]
    [InlineData("gcc", DiagnosticFormat.Gcc, typeof(GccParser))]
    [InlineData("tsc", DiagnosticFormat.Tsc, typeof(TscParser))]
    [InlineData("python", DiagnosticFormat.Python, typeof(PythonTracebackParser))]
    [InlineData("pytest", DiagnosticFormat.Pytest, typeof(PytestParser))]
    [InlineData("regex", DiagnosticFormat.Regex, typeof(RegexParser))]
    public async Task Each_configuration_name_maps_to_its_format_and_parser(string name, DiagnosticFormat format, Type parser)
    {
        DiagnosticFormats.TryParse(name, out var parsed).Should().BeTrue();

        parsed.Should().Be(format);
        format.Name().Should().Be(name);
        DiagnosticParser.For(format, "(?<message>.+)").Should().BeOfType(parser);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Every_format_has_a_name_and_unknown_names_are_refused()
    {
        DiagnosticFormats.Names.Should().HaveCount(Enum.GetValues<DiagnosticFormat>().Length);
        DiagnosticFormats.TryParse("javac", out var parsed).Should().BeFalse();
        parsed.Should().BeNull();
        await Task.CompletedTask;
    }

    [Fact(Timeout = 30_000)]
    public async Task Every_parser_reads_every_other_tools_output_without_throwing()
    {
        var fixtures = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".sh", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Append("")
            .Append("\u001b[31m\r\n\n{\"reason\":\"compiler-message\",\"message\":42}\n   --> :0:0\n|\n")
            .ToList();
        fixtures.Should().HaveCountGreaterThan(20);

        foreach (var format in Enum.GetValues<DiagnosticFormat>())
        {
            var parser = DiagnosticParser.For(format, @"^(?<file>\S+):(?<line>\d+): (?<message>.+)$");
            foreach (var output in fixtures)
            {
                var parse = () => parser.Parse(output);
                parse.Should().NotThrow($"{format} must skip what it cannot read");
            }
        }

        await Task.CompletedTask;
    }
}
