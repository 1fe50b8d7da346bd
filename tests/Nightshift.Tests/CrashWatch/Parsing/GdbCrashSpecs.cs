using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Tests.CrashWatch.Parsing;

public sealed class GdbCrashSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task A_segfault_names_the_signal_and_the_frames_without_argument_values()
    {
        var crash = CrashFixture.Parse("gdb-segv.txt");

        crash.Format.Should().Be(CrashFormats.Gdb);
        crash.Kind.Should().Be("SIGSEGV");
        crash.Message.Should().Be("Segmentation fault");
        crash.Thread.Should().BeNull();
        crash.FaultingFrame.Should().Be(new CrashFrame("__strlen_avx2", "../sysdeps/x86_64/multiarch/strlen-avx2.S", 76));
        crash.OwnLocations().Should().Equal(
            "Creature::~Creature @ src/Creature.cpp:14",
            "Map::RemoveFromMap @ src/Map.cpp:14",
            "DespawnWave @ src/main.cpp:12");
        crash.Frames.Should().HaveCount(5);
        crash.Frames[1].Address.Should().Be("0x000055555555526e");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_crash_on_a_worker_thread_names_the_thread_and_keeps_template_and_library_frames()
    {
        var crash = CrashFixture.Parse("gdb-thread.txt");

        crash.Thread.Should().Be("2 \"server\"");
        crash.FaultingFrame.Should().Be(new CrashFrame("Creature::GetHealth", "src/Creature.h", 14, Address: "0x000055555555548c"));
        crash.OwnLocations().Should().Equal(
            "Creature::GetHealth @ src/Creature.h:14",
            "SumHealth<Creature> @ src/World.cpp:13",
            "operator() @ src/World.cpp:23");
        crash.Frames[3].Function.Should().Be(
            "std::__invoke_impl<void, World::RunUpdateThread(unsigned int)::<lambda()> >(std::__invoke_other, struct {...} &&)");
        crash.Frames[3].Location.Should().Be("/usr/include/c++/12/bits/invoke.h:61");
        crash.Frames[8].Should().Be(new CrashFrame("??", null, null, "/lib/x86_64-linux-gnu/libstdc++.so.6", "0x00007ffff7cd44a3"));
        crash.Frames[^1].Function.Should().Be("clone3");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_division_by_zero_is_a_sigfpe_in_the_projects_code()
    {
        var crash = CrashFixture.Parse("gdb-sigfpe.txt");

        crash.Kind.Should().Be("SIGFPE");
        crash.Message.Should().Be("Arithmetic exception");
        crash.OwnLocations().Should().Equal("Map::AverageHealth @ src/Map.cpp:29", "main @ src/main.cpp:33");
        crash.FaultingFrame.Should().Be(crash.Frames[0]);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_core_file_backtrace_reads_like_the_live_one()
    {
        var crash = CrashFixture.Parse("gdb-core.txt");

        crash.Kind.Should().Be("SIGSEGV");
        crash.Frames.Should().Equal(CrashFixture.Parse("gdb-segv.txt").Frames);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_transcript_that_starts_at_the_signal_reads_like_one_with_a_preamble()
    {
        var crash = CrashParsers.Parse("Program received signal SIGSEGV, Segmentation fault.\n#0  0x000055555555526e in main () at src/main.cpp:3\n")!;

        crash.Kind.Should().Be("SIGSEGV");
        crash.Message.Should().Be("Segmentation fault");
        crash.Frames.Should().ContainSingle();
        await Task.CompletedTask;
    }
}
