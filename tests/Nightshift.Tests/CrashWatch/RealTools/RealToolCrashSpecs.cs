using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Tests.CrashWatch.RealTools;

/// <summary>Crash reports produced by the real tools (g++, glibc, libstdc++, gdb) from <see cref="CrashPrograms"/>, read as crash-watch reads them.</summary>
public sealed class RealToolCrashSpecs(CrashPrograms programs) : IClassFixture<CrashPrograms>
{
    private OwnCode Own => new(programs.Dir.Path);

    [Fact(Timeout = 60_000)]
    public async Task A_failed_assert_prints_a_glibc_line_that_names_the_function_file_and_expression()
    {
        var analysis = CrashAnalysis.Of(await programs.RunAsync("assert"), Own)!;

        analysis.Crash.Format.Should().Be(CrashFormats.GlibcAssert);
        analysis.Crash.Message.Should().Be("diff > 0 && \"diff must be positive\"");
        analysis.Crash.FaultingFrame!.Function.Should().Be("CheckDiff");
        analysis.OwnFrames.Select(f => $"{f.Path}:{f.Frame.Line}").Should().Equal($"{CrashPrograms.UpdaterFile}:14");
        analysis.Signature.Value.Should().Be("assertion failed @ CheckDiff (MapUpdater.cpp)");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_uncaught_exception_is_its_type_and_what()
    {
        var crash = CrashParsers.Parse(await programs.RunAsync("throw"))!;

        crash.Format.Should().Be(CrashFormats.CppTerminate);
        crash.Kind.Should().Be("std::runtime_error");
        crash.Message.Should().Be("packet too short");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_null_dereference_under_gdb_with_bt_full_keeps_every_frame_of_the_stack_between_the_locals()
    {
        var transcript = await programs.UnderGdbAsync("null");
        var analysis = CrashAnalysis.Of(transcript, Own)!;

        transcript.Should().Contain("No locals.", "bt full prints locals between the frames");
        analysis.Crash.Format.Should().Be(CrashFormats.Gdb);
        analysis.Crash.Kind.Should().Be("SIGSEGV");
        analysis.OwnFrames.Select(f => $"{f.Frame.Function} @ {f.Path}").Should().Equal(
            $"GetHealth @ {CrashPrograms.UpdaterFile}", $"main @ {CrashPrograms.MainFile}");
    }

    [Fact(Timeout = 60_000)]
    public async Task In_a_multi_threaded_transcript_the_crash_is_the_stack_of_the_thread_that_received_the_signal()
    {
        var transcript = await programs.UnderGdbAsync("thread");
        var crash = CrashParsers.Parse(transcript)!;

        transcript.IndexOf("Thread 3 (", StringComparison.Ordinal).Should().BeLessThan(
            transcript.IndexOf("Thread 2 (", StringComparison.Ordinal), "gdb lists the waiting thread before the crashing one");
        crash.Thread.Should().Be("2 \"worldserver\"");
        crash.Frames.Take(2).Select(f => f.Function).Should().Equal("GetHealth", "UpdateWorker");
        crash.Frames.Should().NotContain(f => f.Function == "WaitForever" || f.Function == "main", "those are other threads' frames");
        CrashSignature.Of(crash, Own.IsOwn).Value.Should().Be("SIGSEGV @ GetHealth (MapUpdater.cpp) < UpdateWorker (MapUpdater.cpp)");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failed_assert_under_gdb_is_the_abort_with_the_asserting_frames_as_own_code()
    {
        var analysis = CrashAnalysis.Of(await programs.UnderGdbAsync("assert"), Own)!;

        analysis.Crash.Format.Should().Be(CrashFormats.Gdb, "gdb's stack says more than the assertion's one line");
        analysis.Crash.Kind.Should().Be("SIGABRT");
        analysis.Crash.Message.Should().Be("assertion failed: diff > 0 && \"diff must be positive\"", "the program said why before the signal came");
        analysis.OwnFrames.Select(f => f.Frame.Function).Should().Equal("CheckDiff", "main");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_uncaught_exception_under_gdb_carries_its_what_and_the_throwing_frames()
    {
        var analysis = CrashAnalysis.Of(await programs.UnderGdbAsync("throw"), Own)!;

        analysis.Crash.Kind.Should().Be("SIGABRT");
        analysis.Crash.Message.Should().Be("std::runtime_error: packet too short");
        analysis.OwnFrames.Select(f => f.Frame.Function).Should().Equal("ReadPacket", "main");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_core_file_read_back_by_gdb_is_the_crash_of_the_thread_gdb_names_current()
    {
        var transcript = await programs.FromCoreAsync("thread");
        var crash = CrashParsers.Parse(transcript)!;

        transcript.Should().Contain("Program terminated with signal SIGSEGV").And.Contain("[Current thread is 1 ");
        transcript.IndexOf("Thread 2 (", StringComparison.Ordinal).Should().BeLessThan(
            transcript.IndexOf("Thread 1 (", StringComparison.Ordinal), "the other threads come first");
        crash.Kind.Should().Be("SIGSEGV");
        crash.Frames.Take(2).Select(f => f.Function).Should().Equal("GetHealth", "UpdateWorker");
        CrashSignature.Of(crash, Own.IsOwn).Should().Be(CrashSignature.Of(CrashParsers.Parse(await programs.UnderGdbAsync("thread"))!, Own.IsOwn),
            "the core and the live run are one crash");
    }
}
