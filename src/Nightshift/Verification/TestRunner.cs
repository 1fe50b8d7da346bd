using Nightshift.Configuration;
using Nightshift.Diagnostics.Parsers;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;
using Nightshift.Testing;

namespace Nightshift.Verification;

/// <summary>
/// Runs the configured test suite (<c>tests</c>) in a working directory and reads its results. At
/// baseline it runs <see cref="TestsConfig.Runs"/> times so that flaky tests can be quarantined
/// (see <see cref="TestSuiteResult"/>); after an attempt as many times as the caller asks.
/// </summary>
public sealed class TestRunner
{
    /// <summary>Characters kept of output that is parsed for results: enough for a very large suite, and
    /// output past it is reported as not run, because a cut middle would read as missing tests.</summary>
    private const int ParsedOutputLimit = 64_000_000;

    private readonly ProcessRunner _processRunner;
    private readonly TestsConfig _tests;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly IReadOnlyList<string> _buildOutputs;
    private readonly ResultFiles? _resultFiles;

    /// <param name="processRunner">Runs the test command, confined to the working directory and <paramref name="buildOutputs"/>.</param>
    /// <param name="tests">The configured suite.</param>
    /// <param name="environment">Variables set for the test command (<c>workspace.env</c>).</param>
    /// <param name="buildOutputs">Folders outside the working directory the tests' build writes (<see cref="Workspaces.Workspace.BuildOutputs"/>).</param>
    /// <exception cref="ConfigException">trx or junit without a results glob, or one outside the repository.</exception>
    public TestRunner(
        ProcessRunner processRunner,
        TestsConfig tests,
        IReadOnlyDictionary<string, string?>? environment = null,
        IReadOnlyList<string>? buildOutputs = null)
    {
        ArgumentNullException.ThrowIfNull(processRunner);
        ArgumentNullException.ThrowIfNull(tests);
        _processRunner = processRunner;
        _tests = tests;
        _environment = environment ?? new Dictionary<string, string?>();
        _buildOutputs = buildOutputs ?? [];
        if (ReadsFiles)
        {
            _resultFiles = new ResultFiles(tests.Results
                ?? throw new ConfigException(
                    $"tests.format {tests.Format.Name()} reads the report files the test command writes: set tests.results to their glob."));
        }
    }

    private bool ReadsFiles => _tests.Format is TestFormat.Trx or TestFormat.JUnit;

    /// <summary>The baseline: <see cref="TestsConfig.Runs"/> runs.</summary>
    public Task<TestSuiteResult> RunBaselineAsync(string workingDirectory, CancellationToken cancellationToken) =>
        RunAsync(workingDirectory, _tests.Runs, cancellationToken);

    /// <summary>
    /// Runs the suite <paramref name="runs"/> times, or until a run does not run: a suite that cannot
    /// build or start once will not the next time, and a timeout should not be paid for again.
    /// </summary>
    public async Task<TestSuiteResult> RunAsync(string workingDirectory, int runs, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var results = new List<TestRun>(runs);
        for (var i = 0; i < runs; i++)
        {
            var run = await RunOnceAsync(workingDirectory, cancellationToken).ConfigureAwait(false);
            results.Add(run);
            if (!run.Ran)
            {
                break;
            }
        }

        return new TestSuiteResult(results);
    }

    /// <summary>One run. Throws <see cref="OperationCanceledException"/> when canceled; everything else is a result.</summary>
    public async Task<TestRun> RunOnceAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        try
        {
            _resultFiles?.DeleteStale(workingDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reading the old report as this run's would be worse than not running.
            return TestRun.NotRun($"an earlier results file matching '{_resultFiles!.Pattern}' could not be deleted: {e.Message}", -1, TimeSpan.Zero);
        }

        var command = _tests.Command.ToSpec();
        var spec = command with
        {
            WorkingDirectory = workingDirectory,
            Environment = _environment,
            Timeout = _tests.Timeout,
            OutputLimit = ReadsFiles ? command.OutputLimit : ParsedOutputLimit,
            Confinement = Confinement.Of([workingDirectory, .. _buildOutputs]),
        };

        CommandResult result;
        try
        {
            result = await _processRunner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandStartException e)
        {
            return TestRun.NotRun($"'{_tests.Command}' could not start: {e.Message}", -1, TimeSpan.Zero);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return result.StopCause switch
        {
            StopCause.Exited => Read(result, workingDirectory),
            StopCause.TimedOut => NotRun(result, $"ran longer than {Durations.Format(_tests.Timeout)} (tests.timeout) and was stopped"),
            _ => NotRun(result, $"was stopped ({result.StopCause})"),
        };
    }

    private TestRun Read(CommandResult result, string workingDirectory)
    {
        var exitCode = result.ExitCode;
        var parser = TestResults.For(_tests.Format);
        if (_resultFiles is not null)
        {
            return ReadFiles(result, parser, workingDirectory);
        }

        if (_tests.Format == TestFormat.ExitCode)
        {
            return TestRun.Completed(parser.Parse("", exitCode), exitCode, result.Duration);
        }

        if (result.OutputTruncated)
        {
            return NotRun(result, $"wrote more than {ParsedOutputLimit} characters of output; its results would be incomplete");
        }

        var results = parser.Parse(result.StandardOutput + "\n" + result.StandardError, exitCode);
        return exitCode != 0 && results.All(r => r.Name == TestResults.ExitCodeName)
            ? NotRun(result, $"exited {exitCode} without reporting a test result{ErrorLine(result)}")
            : TestRun.Completed(results, exitCode, result.Duration);
    }

    private TestRun ReadFiles(CommandResult result, ITestResultParser parser, string workingDirectory)
    {
        var files = _resultFiles!.Find(workingDirectory);
        if (files.Count == 0)
        {
            return NotRun(result, $"exited {result.ExitCode} and wrote no results file matching '{_resultFiles.Pattern}'{ErrorLine(result)}");
        }

        var results = new List<TestResult>();
        foreach (var file in files)
        {
            try
            {
                // Exit code 0 per file: the command's exit code is one fact about all of them, applied once below.
                results.AddRange(parser.Parse(File.ReadAllText(file), 0));
            }
            catch (Exception e) when (e is TestResultsFormatException or IOException or UnauthorizedAccessException)
            {
                return NotRun(result, $"wrote {Path.GetRelativePath(workingDirectory, file)}, which could not be read: {e.Message}");
            }
        }

        return TestRun.Completed(results.GuardedBy(result.ExitCode), result.ExitCode, result.Duration);
    }

    private TestRun NotRun(CommandResult result, string what) =>
        TestRun.NotRun($"'{_tests.Command}' {what}", result.ExitCode, result.Duration);

    /// <summary>": error: could not compile `demo`", the line that most likely says why, or nothing.</summary>
    private static string ErrorLine(CommandResult result)
    {
        var stderr = NonEmptyLines(result.StandardError);
        var stdout = NonEmptyLines(result.StandardOutput);
        return Sentences.Detail(
            stderr.LastOrDefault(IsError) ?? stdout.LastOrDefault(IsError) ?? stderr.LastOrDefault() ?? stdout.LastOrDefault());

        static List<string> NonEmptyLines(string text) =>
            [.. OutputText.Lines(text).Select(l => l.Trim()).Where(l => l.Length > 0)];

        static bool IsError(string line) => line.StartsWith("error", StringComparison.OrdinalIgnoreCase);
    }
}
