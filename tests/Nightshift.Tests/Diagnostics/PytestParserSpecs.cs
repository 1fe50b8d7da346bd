using Nightshift.Diagnostics;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Tests.Diagnostics;

public sealed class PytestParserSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task Every_failed_and_errored_test_in_the_summary_is_a_diagnostic()
    {
        var diagnostics = new PytestParser().Parse(Fixture.Read("pytest/summary.txt"));

        diagnostics.Select(d => (d.Code, d.Location!.File, d.Location.Line)).Should().Equal(
            ("AssertionError", "tests/test_calc.py", 11),
            ("ZeroDivisionError", "calc.py", 6),
            ("AssertionError", "tests/test_calc.py", 25),
            ("ImportError", "tests/test_broken.py", 1),
            (null, "/tmp/nightshift-fixtures/pytest/tests/test_calc.py", 32));
        diagnostics.Should().OnlyContain(d => d.Tool == "pytest" && d.Severity == Severity.Error && d.Suggestions.Count == 0);
        diagnostics.Select(d => d.Children.Single()).Should().Equal(
            "FAILED tests/test_calc.py::test_add_negative",
            "FAILED tests/test_calc.py::test_divide_by_zero",
            "FAILED tests/test_calc.py::test_add_table[2-3-6]",
            "ERROR tests/test_broken.py",
            "ERROR tests/test_calc.py::TestDivide::test_third");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Messages_the_summary_truncates_are_taken_whole_from_the_failure_section()
    {
        var output = Fixture.Read("pytest/summary.txt");
        output.Should().Contain("ZeroDivisionError: division ...");

        var diagnostics = new PytestParser().Parse(output);

        diagnostics.Select(d => d.Message).Should().Equal(
            "assert -4 == -3",
            "division by zero",
            "assert 5 == 6",
            "cannot import name 'subtract' from 'calc' (/tmp/nightshift-fixtures/pytest/calc.py)",
            "fixture 'tolerance' not found");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_test_file_and_outer_frames_are_related_to_an_exception_raised_elsewhere()
    {
        var division = new PytestParser().Parse(Fixture.Read("pytest/summary.txt"))[1];

        division.Related.Should().Equal(new SourceSpan("tests/test_calc.py", 15));
        division.Rendered.Should().StartWith("_____").And.Contain("calc.py:6: ZeroDivisionError");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_failure_sections_the_summary_alone_is_read()
    {
        const string output = """
            =========================== short test summary info ============================
            FAILED tests/test_a.py::test_x - AssertionError: values differ
            ERROR tests/test_b.py - ModuleNotFoundError: No module named 'nope'
            ========================= 1 failed, 1 error in 0.01s ==========================
            """;

        var diagnostics = new PytestParser().Parse(output);

        diagnostics.Select(d => (d.Code, d.Message, d.Location)).Should().Equal(
            ("AssertionError", "values differ", new SourceSpan("tests/test_a.py", null)),
            ("ModuleNotFoundError", "No module named 'nope'", new SourceSpan("tests/test_b.py", null)));
        await Task.CompletedTask;
    }
}
