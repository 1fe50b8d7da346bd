using Nightshift.Testing;

namespace Nightshift.Tests.Diagnostics;

public sealed class TrxParserSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Every_unit_test_result_is_read_with_its_outcome()
    {
        var results = new TrxParser().Parse(Fixture.Read("trx/results.trx"), exitCode: 1);

        results.Select(r => r.Name).Should().BeEquivalentTo(
            "Sample.Tests.CalculatorTests.Adds_two_numbers",
            "Sample.Tests.CalculatorTests.Subtracts_two_numbers",
            "Sample.Tests.CalculatorTests.Multiplies_two_numbers",
            "Sample.Tests.CalculatorTests.Divides(a: 4, b: 2, expected: 2)",
            "Sample.Tests.CalculatorTests.Divides(a: 9, b: 3, expected: 4)",
            "Sample.Tests.CalculatorTests.Throws_on_null");
        results.Count(r => r.Outcome == TestOutcome.Passed).Should().Be(2);
        results.Count(r => r.Outcome == TestOutcome.Failed).Should().Be(3);
        results.Single(r => r.Outcome == TestOutcome.Skipped).Name.Should().Be("Sample.Tests.CalculatorTests.Multiplies_two_numbers");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Messages_and_durations_are_kept()
    {
        var results = new TrxParser().Parse(Fixture.Read("trx/results.trx"), exitCode: 1);

        results.Single(r => r.Name.EndsWith("Throws_on_null", StringComparison.Ordinal)).Message
            .Should().Be("System.InvalidOperationException : boom");
        results.Single(r => r.Outcome == TestOutcome.Skipped).Message.Should().Be("not implemented yet");
        results.Single(r => r.Name.EndsWith("Adds_two_numbers", StringComparison.Ordinal)).Duration
            .Should().Be(TimeSpan.FromTicks(1481), "the fixture says duration=\"00:00:00.0001481\"");
        results.Should().OnlyContain(r => r.Duration != null);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_file_that_is_not_xml_is_a_results_format_error()
    {
        var parse = () => new TrxParser().Parse("Test run aborted.", exitCode: 1);

        parse.Should().Throw<TestResultsFormatException>().Where(e => !e.IsFatal).WithMessage("The TRX results are not valid XML*");
        await Task.CompletedTask;
    }
}
