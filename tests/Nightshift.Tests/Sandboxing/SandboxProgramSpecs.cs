using System.Runtime.Versioning;
using Nightshift.Execution;
using Nightshift.Execution.Sandboxing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Sandboxing;

/// <summary>The program a confined command runs is the one found outside, wherever it lives.</summary>
public sealed class SandboxProgramSpecs
{
    [Fact(Timeout = 60_000)]
    [UnsupportedOSPlatform("windows")]
    public async Task A_program_under_tmp_is_not_hidden_by_the_sandboxs_private_tmp()
    {
        // A checkout cloned under /tmp (as CI may do) holds the programs its specs run, and a tool may be unpacked there.
        var tools = Directory.CreateDirectory(Path.Combine("/tmp", $"ns-tools-{Guid.NewGuid():N}"));
        using var work = new TempDir("sandbox-program");
        try
        {
            var tool = Path.Combine(tools.FullName, "tool");
            File.WriteAllText(tool, "#!/bin/sh\necho \"tool ran with $1\"\n");
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var spec = CommandSpec.Of(tool, "x") with
            {
                WorkingDirectory = work.Path,
                Timeout = TimeSpan.FromSeconds(30),
                Confinement = Confinement.Of(work.Path),
            };

            var result = await TestSandbox.Runner().RunAsync(spec);

            result.ExitCode.Should().Be(0, result.StandardError);
            result.StandardOutput.Should().Be("tool ran with x\n");
        }
        finally
        {
            tools.Delete(recursive: true);
        }
    }
}
