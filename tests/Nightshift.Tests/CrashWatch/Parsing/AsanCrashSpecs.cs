using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Tests.CrashWatch.Parsing;

public sealed class AsanCrashSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task A_heap_use_after_free_has_its_kind_access_thread_and_crashing_stack()
    {
        var crash = CrashFixture.Parse("asan-use-after-free.txt");

        crash.Format.Should().Be(CrashFormats.Asan);
        crash.Kind.Should().Be("heap-use-after-free");
        crash.Message.Should().Be("heap-use-after-free on address 0x603000000054");
        crash.Access.Should().Be(new MemoryAccess("READ", 4, "0x603000000054"));
        crash.Thread.Should().Be("T0");
        crash.FaultingFrame.Should().Be(new CrashFrame("Creature::Update(unsigned int)", "src/Creature.cpp", 20, Address: "0x55a77d12d4af"));
        crash.OwnLocations().Should().Equal(
            "Creature::Update(unsigned int) @ src/Creature.cpp:20",
            "Map::Update(unsigned int) @ src/Map.cpp:21",
            "main @ src/main.cpp:25");
        crash.Frames[^1].Should().Be(new CrashFrame("_start", null, null, CrashFixture.Dir + "cpp/server-asan", "0x55a77d12d210", "0x2210"));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task The_freed_by_and_allocated_by_stacks_are_related_traces()
    {
        var crash = CrashFixture.Parse("asan-use-after-free.txt");

        crash.Related.Select(trace => (trace.Role, trace.Thread)).Should().Equal(
            (CrashTraceRoles.FreedBy, "T0"), (CrashTraceRoles.AllocatedBy, "T0"));
        crash.Related[0].Frames.Select(frame => frame.Location).Should().Equal(
            "../../../../src/libsanitizer/asan/asan_new_delete.cpp:164", "src/Map.cpp:14", "src/main.cpp:24",
            "../sysdeps/nptl/libc_start_call_main.h:58");
        crash.Related[0].Frames[1].Function.Should().Be("Map::RemoveFromMap(Creature*, bool)");
        crash.Related[1].Frames.Select(frame => frame.Function).Should().Equal(
            "operator new(unsigned long)", "main", "__libc_start_call_main");
        crash.AllOwnFrames(CrashFixture.IsOwn).Select(frame => frame.Location).Should().Equal(
            "src/Creature.cpp:20", "src/Map.cpp:21", "src/main.cpp:25", "src/Map.cpp:14", "src/main.cpp:24", "src/main.cpp:22");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_segv_inside_libc_faults_there_and_its_own_frames_start_at_the_caller()
    {
        var crash = CrashFixture.Parse("asan-segv.txt");

        crash.Kind.Should().Be("SEGV");
        crash.Message.Should().Be("SEGV on unknown address 0x000000000000");
        crash.Access.Should().Be(new MemoryAccess("READ", null, "0x000000000000"));
        crash.Thread.Should().Be("T0");
        crash.FaultingFrame!.Function.Should().Be("__strlen_avx2");
        crash.FaultingFrame.Location.Should().Be("../sysdeps/x86_64/multiarch/strlen-avx2.S:76");
        crash.OwnLocations().Should().Equal(
            "Creature::~Creature() @ src/Creature.cpp:14",
            "Map::RemoveFromMap(Creature*, bool) @ src/Map.cpp:14",
            "DespawnWave @ src/main.cpp:12");
        crash.Related.Should().BeEmpty();
        await Task.CompletedTask;
    }
}
