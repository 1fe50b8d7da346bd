using Nightshift.Execution;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Execution;

public sealed class ProcessRunnerSpecs
{
    private readonly ProcessRunner _runner = new();

    private static CommandSpec Dummy(params string[] arguments) => CommandSpec.Of(Binaries.Dummy, arguments);

    [Theory(Timeout = 30_000)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(42)]
    public async Task The_exit_code_passes_through(int code)
    {
        var result = await _runner.RunAsync(Dummy("exit", code.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        result.ExitCode.Should().Be(code);
        result.StopCause.Should().Be(StopCause.Exited);
        result.Succeeded.Should().Be(code == 0);
    }

    [Fact(Timeout = 30_000)]
    public async Task Standard_output_and_standard_error_are_captured_apart()
    {
        var output = await _runner.RunAsync(Dummy("echo", "to stdout"));
        var error = await _runner.RunAsync(Dummy("stderr", "to stderr"));

        output.StandardOutput.Should().Be("to stdout\n");
        output.StandardError.Should().BeEmpty();
        error.StandardOutput.Should().BeEmpty();
        error.StandardError.Should().Be("to stderr\n");
        output.OutputTruncated.Should().BeFalse();
    }

    [Fact(Timeout = 30_000)]
    public async Task Every_line_reaches_the_output_callback_with_its_stream()
    {
        var lines = new List<OutputLine>();
        var spec = Dummy("tick", "4", "10") with { OnOutput = lines.Add };

        await _runner.RunAsync(spec);

        lines.Where(line => line.Channel == OutputChannel.StandardOutput).Select(line => line.Text)
            .Should().Equal("tick 1", "tick 3");
        lines.Where(line => line.Channel == OutputChannel.StandardError).Select(line => line.Text)
            .Should().Equal("tick 2", "tick 4");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_environment_variable_reaches_the_child()
    {
        var spec = Dummy("env", "NS_RUNNER_VALUE") with
        {
            Environment = new Dictionary<string, string?> { ["NS_RUNNER_VALUE"] = "with spaces and 'quotes'" },
        };

        var result = await _runner.RunAsync(spec);

        result.StandardOutput.Should().Be("with spaces and 'quotes'\n");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_variable_set_to_null_is_removed_from_the_inherited_environment()
    {
        var name = $"NS_RUNNER_INHERITED_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "inherited");
        try
        {
            var inherited = await _runner.RunAsync(Dummy("env", name));
            var removed = await _runner.RunAsync(Dummy("env", name) with
            {
                Environment = new Dictionary<string, string?> { [name] = null },
            });

            inherited.StandardOutput.Should().Be("inherited\n");
            removed.ExitCode.Should().Be(1);
            removed.StandardError.Should().Contain($"{name} is not set");
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task The_child_runs_in_the_working_directory()
    {
        using var temp = new TempDir("runner");

        var result = await _runner.RunAsync(Dummy("pwd") with { WorkingDirectory = temp.Path });

        result.StandardOutput.TrimEnd('\n').Should().Be(temp.Path);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_relative_program_path_is_found_from_the_working_directory()
    {
        using var temp = new TempDir("runner");
        Directory.CreateDirectory(temp["bin"]);
        File.CreateSymbolicLink(temp["bin/dummy"], Binaries.Dummy);

        var result = await _runner.RunAsync(CommandSpec.Of("bin/dummy", "echo", "found") with { WorkingDirectory = temp.Path });

        result.StandardOutput.Should().Be("found\n");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_bare_program_name_is_looked_up_on_the_PATH_the_child_gets()
    {
        using var temp = new TempDir("runner");
        File.CreateSymbolicLink(temp["dummy"], Binaries.Dummy);
        var spec = CommandSpec.Of("dummy", "echo", "found") with
        {
            Environment = new Dictionary<string, string?> { ["PATH"] = temp.Path },
        };

        var result = await _runner.RunAsync(spec);

        result.StandardOutput.Should().Be("found\n");
    }

    [Fact(Timeout = 30_000)]
    public async Task Standard_input_is_delivered_and_then_closed()
    {
        var spec = Dummy("stdin") with { StandardInput = "line one\nline two, ünïcødé\n" };

        var result = await _runner.RunAsync(spec);

        result.StandardOutput.Should().Be("line one\nline two, ünïcødé\n");
        result.ExitCode.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task Input_larger_than_a_pipe_buffer_is_echoed_back_without_a_deadlock()
    {
        // Writing it all before reading would block: the child stops reading once its stdout pipe is full.
        var input = string.Concat(Enumerable.Range(0, 60_000).Select(i => $"input line {i:D6}\n"));
        var spec = Dummy("stdin") with { StandardInput = input, OutputLimit = input.Length };

        var result = await _runner.RunAsync(spec);

        result.StandardOutput.Should().Be(input);
        result.OutputTruncated.Should().BeFalse();
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_input_the_child_reads_end_of_file_at_once()
    {
        var result = await _runner.RunAsync(Dummy("stdin"));

        result.StandardOutput.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_crash_is_a_failed_result_with_the_error_on_stderr()
    {
        using var temp = new TempDir("runner");

        var result = await _runner.RunAsync(Dummy("crash") with { WorkingDirectory = temp.Path });

        result.ExitCode.Should().NotBe(0);
        result.StopCause.Should().Be(StopCause.Exited);
        result.StandardError.Should().Contain("dummy crashed on purpose");
    }

    [Fact(Timeout = 30_000)]
    public async Task The_result_carries_the_rendered_command_line_and_a_duration()
    {
        var result = await _runner.RunAsync(Dummy("echo", "two words"));

        result.CommandLine.Should().Be($"{Binaries.Dummy} echo 'two words'");
        result.Duration.Should().BePositive();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_token_canceled_before_the_start_starts_nothing()
    {
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        var run = () => _runner.RunAsync(Dummy("exit", "0"), canceled.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
    }
}
