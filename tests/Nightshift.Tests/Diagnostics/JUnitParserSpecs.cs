using Nightshift.Testing;

namespace Nightshift.Tests.Diagnostics;

public sealed class JUnitParserSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Pytest_junit_xml_gives_every_test_case_with_its_outcome()
    {
        var results = new JUnitParser().Parse(Fixture.Read("pytest/junit.xml"), exitCode: 1);

        results.Select(r => (r.Name, r.Outcome)).Should().Equal(
            ("tests.test_broken", TestOutcome.Failed),
            ("tests.test_calc.test_add", TestOutcome.Passed),
            ("tests.test_calc.test_add_negative", TestOutcome.Failed),
            ("tests.test_calc.test_divide_by_zero", TestOutcome.Failed),
            ("tests.test_calc.test_multiply", TestOutcome.Skipped),
            ("tests.test_calc.test_add_table[1-1-2]", TestOutcome.Passed),
            ("tests.test_calc.test_add_table[2-3-6]", TestOutcome.Failed),
            ("tests.test_calc.TestDivide.test_half", TestOutcome.Passed),
            ("tests.test_calc.TestDivide.test_third", TestOutcome.Failed));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Failure_error_and_skip_messages_are_kept()
    {
        var results = new JUnitParser().Parse(Fixture.Read("pytest/junit.xml"), exitCode: 1);

        results[0].Message.Should().Be("collection failure");
        results[3].Message.Should().Be("ZeroDivisionError: division by zero");
        results[4].Message.Should().Be("not implemented yet");
        results[1].Message.Should().BeNull();
        results[1].Duration.Should().Be(TimeSpan.FromMilliseconds(1));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_single_testsuite_root_with_a_passing_run_needs_no_guard()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="jest tests" tests="2">
              <testcase classname="math" name="math adds" time="0.004"/>
              <testcase classname="math" name="subtracts" time="0.001"/>
            </testsuite>
            """;

        var results = new JUnitParser().Parse(xml, exitCode: 0);

        results.Select(r => (r.Name, r.Outcome)).Should().Equal(
            ("math.math adds", TestOutcome.Passed),
            ("math.subtracts", TestOutcome.Passed));
        await Task.CompletedTask;
    }
}
