using Nightshift.Configuration;
using Nightshift.Testing;
using Nightshift.Tests.Support;
using Nightshift.Verification;

namespace Nightshift.Tests.Verification;

public sealed class TestRunnerSpecs : IDisposable
{
    private readonly TempDir _dir = new("tests");

    [Fact(Timeout = 60_000)]
    public async Task The_exit_code_format_reads_the_command_as_one_test()
    {
        var pass = await RunOnceAsync(Tests("exit 0"));
        var fail = await RunOnceAsync(Tests("exit 3"));

        pass.Results.Should().Equal(new TestResult(TestResults.ExitCodeName, TestOutcome.Passed));
        fail.Ran.Should().BeTrue();
        fail.ExitCode.Should().Be(3);
        fail.Results.Should().ContainSingle().Which.Outcome.Should().Be(TestOutcome.Failed);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_cargo_test_format_reads_every_reported_test()
    {
        var run = await RunOnceAsync(Tests(
            "printf 'running 3 tests\\ntest a::one ... ok\\ntest a::two ... FAILED\\ntest a::three ... ignored\\n'; exit 101",
            TestFormat.CargoTest));

        run.Results.Select(r => (r.Name, r.Outcome)).Should().Equal(
            ("a::one", TestOutcome.Passed), ("a::two", TestOutcome.Failed), ("a::three", TestOutcome.Skipped));
    }

    [Fact(Timeout = 60_000)]
    public async Task Tests_that_do_not_build_did_not_run_and_the_reason_quotes_the_error()
    {
        const string script = "echo 'error[E0308]: mismatched types' >&2; echo 'error: could not compile `demo` due to 1 previous error' >&2; exit 101";

        var run = await RunOnceAsync(Tests(script, TestFormat.CargoTest));

        run.Ran.Should().BeFalse();
        run.NotRunReason.Should().Be(
            $"'{script}' exited 101 without reporting a test result: error: could not compile `demo` due to 1 previous error");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_test_whose_outcome_alternates_between_baseline_runs_is_quarantined()
    {
        const string script = """
            n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count
            echo 'test tests::steady ... ok'
            if [ $((n % 2)) -eq 0 ]; then echo 'test tests::racy ... FAILED'; exit 101; fi
            echo 'test tests::racy ... ok'
            """;
        var runner = Runner(Tests(script, TestFormat.CargoTest) with { Runs = 3 });

        var suite = await runner.RunBaselineAsync(_dir.Path, CancellationToken.None);

        suite.Runs.Select(r => r.ExitCode).Should().Equal(0, 101, 0);
        suite.Quarantined.Should().Equal("tests::racy");
        suite.Passing.Should().Equal("tests::steady");
        suite.Tests.Should().Equal("tests::racy", "tests::steady");
    }

    [Fact(Timeout = 60_000)]
    public async Task Junit_reports_left_by_an_earlier_run_are_deleted_before_the_run_and_never_read()
    {
        _dir.Write("reports/stale.xml", Junit("old", "><failure/></testcase>"));
        var write = $"mkdir -p reports/sub && echo '{Junit("one", "/>")}' > reports/new.xml"
            + $" && echo '{Junit("two", "/>")}' > reports/sub/more.xml";

        var run = await RunOnceAsync(Tests(write, TestFormat.JUnit, "reports/**/*.xml"));

        File.Exists(_dir["reports/stale.xml"]).Should().BeFalse();
        run.Results.Select(r => (r.Name, r.Outcome)).Should().Equal(("m.one", TestOutcome.Passed), ("m.two", TestOutcome.Passed));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_command_that_writes_no_report_did_not_run_even_with_a_stale_one_present()
    {
        _dir.Write("reports/stale.xml", Junit("old", "/>"));

        var run = await RunOnceAsync(Tests("exit 0", TestFormat.JUnit, "reports/*.xml"));

        run.Ran.Should().BeFalse();
        run.NotRunReason.Should().Be("'exit 0' exited 0 and wrote no results file matching 'reports/*.xml'");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failing_exit_without_a_failing_test_adds_one_exit_code_failure_for_all_report_files()
    {
        var write = $"mkdir -p reports && echo '{Junit("one", "/>")}' > reports/a.xml"
            + $" && echo '{Junit("two", "/>")}' > reports/b.xml && exit 1";

        var run = await RunOnceAsync(Tests(write, TestFormat.JUnit, "./reports/*.xml"));

        run.Results.Select(r => (r.Name, r.Outcome)).Should().Equal(
            ("m.one", TestOutcome.Passed), ("m.two", TestOutcome.Passed), (TestResults.ExitCodeName, TestOutcome.Failed));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_report_that_is_not_xml_did_not_run_and_names_the_file()
    {
        var run = await RunOnceAsync(Tests("mkdir -p out && echo 'not xml' > out/results.trx", TestFormat.Trx, "out/*.trx"));

        run.Ran.Should().BeFalse();
        run.NotRunReason.Should().Contain("out/results.trx").And.Contain("not valid XML");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_suite_that_runs_past_its_timeout_is_stopped_and_did_not_run()
    {
        var run = await RunOnceAsync(Tests("sleep 30") with { Timeout = TimeSpan.FromSeconds(1) });

        run.Ran.Should().BeFalse();
        run.NotRunReason.Should().Be("'sleep 30' ran longer than 1s (tests.timeout) and was stopped");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_command_that_cannot_start_did_not_run_and_is_not_repeated()
    {
        var tests = new TestsConfig { Command = ConfiguredCommand.Argv(["/nonexistent/nightshift-test-runner"]), Runs = 3 };

        var suite = await Runner(tests).RunBaselineAsync(_dir.Path, CancellationToken.None);

        suite.Ran.Should().BeFalse();
        suite.Runs.Should().ContainSingle();
        suite.NotRunReason.Should().StartWith("'/nonexistent/nightshift-test-runner' could not start: ");
    }

    [Fact(Timeout = 60_000)]
    public async Task The_command_runs_in_the_working_directory_with_the_given_environment()
    {
        _dir.Write("marker", "");
        var runner = new TestRunner(
            TestSandbox.Runner(), Tests("test -f marker && test \"$NS_FLAG\" = on"), new Dictionary<string, string?> { ["NS_FLAG"] = "on" });

        var run = await runner.RunOnceAsync(_dir.Path, CancellationToken.None);

        run.Results.Should().ContainSingle().Which.Outcome.Should().Be(TestOutcome.Passed);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancellation_stops_the_suite_and_throws()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var act = () => Runner(Tests("sleep 30")).RunOnceAsync(_dir.Path, cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_results_glob_outside_the_repository_or_a_missing_one_is_a_configuration_error()
    {
        var absolute = () => Runner(Tests("true", TestFormat.JUnit, "/tmp/*.xml"));
        var climbing = () => Runner(Tests("true", TestFormat.JUnit, "../reports/*.xml"));
        var missing = () => Runner(Tests("true", TestFormat.Trx));

        absolute.Should().Throw<ConfigException>().WithMessage("tests.results '/tmp/*.xml' must be relative*");
        climbing.Should().Throw<ConfigException>().WithMessage("tests.results '../reports/*.xml' must be relative*");
        missing.Should().Throw<ConfigException>().WithMessage("tests.format trx reads the report files*");
        await Task.CompletedTask;
    }

    public void Dispose() => _dir.Dispose();

    private static string Junit(string name, string rest) =>
        $"<testsuite name=\"s\"><testcase classname=\"m\" name=\"{name}\"{rest}</testsuite>";

    private static TestsConfig Tests(string script, TestFormat format = TestFormat.ExitCode, string? results = null) =>
        new() { Command = ConfiguredCommand.Shell(script), Format = format, Results = results };

    private static TestRunner Runner(TestsConfig tests) => new(TestSandbox.Runner(), tests);

    private Task<TestRun> RunOnceAsync(TestsConfig tests) => Runner(tests).RunOnceAsync(_dir.Path, CancellationToken.None);
}
