using Nightshift.Diagnostics.Crashes;
using Nightshift.Execution;
using Nightshift.Tests.CrashWatch.RealTools;
using Nightshift.Workloads.CrashWatch.Cores;

namespace Nightshift.Tests.CrashWatch.Cores;

/// <summary>
/// <see cref="CoreReader"/> on real core files of <see cref="CrashPrograms"/>' worldserver (issue 18): gdb in batch mode
/// through the process runner, its transcript read by the crash parsers.
/// </summary>
public sealed class CoreReaderSpecs(CrashPrograms programs) : IClassFixture<CrashPrograms>
{
    private OwnCode Own => new(programs.Dir.Path);

    private CoreReader Reader(string executable = "worldserver") => new(new ProcessRunner(), executable, () => programs.Dir.Path);

    [Fact(Timeout = 120_000)]
    public async Task A_core_is_read_into_the_crash_of_the_same_signature_as_the_live_gdb_transcript_with_frames_in_the_repository()
    {
        var core = await programs.DumpCoreAsync("null", programs.Dir["cores-null"]);

        var reading = await Reader().ReadAsync(core, CancellationToken.None);

        var transcript = reading.Should().BeOfType<CoreReading.Transcript>().Which;
        transcript.Executable.Should().Be(programs.Dir["worldserver"]);
        var analysis = CrashAnalysis.Of(transcript.Text, Own)!;
        analysis.Crash.Format.Should().Be(CrashFormats.Gdb);
        analysis.Crash.Kind.Should().Be("SIGSEGV");
        analysis.OwnFrames.Select(f => $"{f.Frame.Function} @ {f.Path}").Should().Equal(
            $"GetHealth @ {CrashPrograms.UpdaterFile}", $"main @ {CrashPrograms.MainFile}");
        analysis.Signature.Should().Be(CrashAnalysis.Of(await programs.UnderGdbAsync("null"), Own)!.Signature, "the core and the live run are one crash");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_core_of_another_program_is_told_apart_by_the_command_line_the_core_records()
    {
        var core = await programs.DumpCoreAsync("null", programs.Dir["cores-other"], program: "authserver");

        var reading = await Reader().ReadAsync(core, CancellationToken.None);

        reading.Should().BeOfType<CoreReading.OtherProgram>().Which.Program.Should().Contain("authserver null");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_core_whose_recorded_command_line_was_cut_inside_the_programs_long_path_is_still_the_programs()
    {
        var program = "worldserver-" + new string('x', 80);
        var core = await programs.DumpCoreAsync("null", programs.Dir["cores-long"], program);

        var reading = await Reader(program).ReadAsync(core, CancellationToken.None);
        var other = await Reader().ReadAsync(core, CancellationToken.None);

        reading.Should().BeOfType<CoreReading.Transcript>("the kernel keeps 80 bytes of the command line, here all of them the path");
        other.Should().BeOfType<CoreReading.OtherProgram>().Which.Program.Should().HaveLength(79, "80 bytes with the closing NUL");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_file_that_is_no_core_is_unreadable_with_gdbs_own_reason()
    {
        var notACore = programs.Dir.Write("cores-bad/core.4242", "this is no ELF core file\n");

        var reading = await Reader().ReadAsync(notACore, CancellationToken.None);

        reading.Should().BeOfType<CoreReading.Unreadable>().Which.Reason.Should().Contain("is not a core dump");
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_the_executable_the_core_is_unreadable_and_the_reason_names_crash_executable()
    {
        var core = programs.Dir.Write("cores-missing/core", "never read\n");

        var reading = await Reader("build/worldserver").ReadAsync(core, CancellationToken.None);

        reading.Should().BeOfType<CoreReading.Unreadable>().Which.Reason.Should()
            .Contain(programs.Dir["build/worldserver"]).And.Contain("crash.executable");
    }
}
