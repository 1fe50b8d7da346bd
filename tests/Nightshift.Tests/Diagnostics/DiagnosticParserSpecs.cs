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
}
