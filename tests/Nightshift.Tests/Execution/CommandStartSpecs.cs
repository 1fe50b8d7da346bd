using Nightshift.Execution;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Execution;

public sealed class CommandStartSpecs
{
    private readonly ProcessRunner _runner = new();

    [Fact(Timeout = 30_000)]
    public async Task A_missing_program_is_a_clear_error_naming_it_and_the_working_directory()
    {
        using var temp = new TempDir("runner");

        var run = () => _runner.RunAsync(CommandSpec.Of("no-such-program-anywhere", "--version") with { WorkingDirectory = temp.Path });

        var error = (await run.Should().ThrowAsync<CommandStartException>()).Which;
        error.Message.Should().StartWith("could not start 'no-such-program-anywhere': not found on PATH")
            .And.Contain(temp.Path);
        error.IsFatal.Should().BeFalse();
        error.FileName.Should().Be("no-such-program-anywhere");
        error.WorkingDirectory.Should().Be(temp.Path);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_program_path_is_a_clear_error()
    {
        using var temp = new TempDir("runner");

        var run = () => _runner.RunAsync(CommandSpec.Of("./build.sh") with { WorkingDirectory = temp.Path });

        (await run.Should().ThrowAsync<CommandStartException>())
            .WithMessage($"could not start './build.sh': {temp.Path}/build.sh does not exist*");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_file_without_execute_permission_is_a_clear_error()
    {
        using var temp = new TempDir("runner");
        temp.Write("build.sh", "#!/bin/sh\necho hi\n");

        var run = () => _runner.RunAsync(CommandSpec.Of("./build.sh") with { WorkingDirectory = temp.Path });

        (await run.Should().ThrowAsync<CommandStartException>()).WithMessage("*is not executable*");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_working_directory_is_a_clear_error()
    {
        using var temp = new TempDir("runner");
        var missing = temp["gone"];

        var run = () => _runner.RunAsync(CommandSpec.Of(Binaries.Dummy, "exit", "0") with { WorkingDirectory = missing });

        (await run.Should().ThrowAsync<CommandStartException>())
            .WithMessage($"*working directory {missing} does not exist*");
    }
}
