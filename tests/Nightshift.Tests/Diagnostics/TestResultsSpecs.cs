using Nightshift.Testing;

namespace Nightshift.Tests.Diagnostics;

public sealed class TestResultsSpecs
{
    [Theory(Timeout = 10_000)]
    [InlineData("cargo-test", TestFormat.CargoTest, typeof(CargoTestParser))]
    [InlineData("trx", TestFormat.Trx, typeof(TrxParser))]
    [InlineData("junit", TestFormat.JUnit, typeof(JUnitParser))]
    [InlineData("exit-code", TestFormat.ExitCode, typeof(ExitCodeTestParser))]
    public async Task Each_configuration_name_maps_to_its_format_and_reader(string name, TestFormat format, Type parser)
    {
        TestFormats.TryParse(name, out var parsed).Should().BeTrue();

        parsed.Should().Be(format);
        format.Name().Should().Be(name);
        TestResults.For(format).Should().BeOfType(parser);
        TestFormats.TryParse("nunit", out _).Should().BeFalse();
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData(0, TestOutcome.Passed)]
    [InlineData(3, TestOutcome.Failed)]
    public async Task The_exit_code_format_makes_the_exit_code_the_one_result(int exitCode, TestOutcome outcome)
    {
        var results = TestResults.For(TestFormat.ExitCode).Parse("whatever it printed", exitCode);

        results.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = TestResults.ExitCodeName, Outcome = outcome });
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_failing_exit_code_with_only_passing_results_adds_a_failure()
    {
        var results = new JUnitParser().Parse("<testsuite><testcase classname=\"a\" name=\"b\"/></testsuite>", exitCode: 2);

        results.Select(r => (r.Name, r.Outcome)).Should().Equal(
            ("a.b", TestOutcome.Passed),
            (TestResults.ExitCodeName, TestOutcome.Failed));
        await Task.CompletedTask;
    }
}
