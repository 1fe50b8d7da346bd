using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Tests.CrashWatch.Parsing;

public sealed class TrinityCoreCrashSpecs
{
    private const string Source = @"C:\TrinityCore\src\server\game\";

    [Fact(Timeout = 10_000)]
    public async Task An_access_violation_has_its_code_fault_module_revision_and_date()
    {
        var crash = CrashFixture.Parse("trinitycore-access-violation.txt");

        crash.Format.Should().Be(CrashFormats.TrinityCore);
        crash.Kind.Should().Be("ACCESS_VIOLATION");
        crash.Message.Should().Be(@"exception C0000005 at 00007FF6F1A2B3C4 in C:\TrinityCore\bin\RelWithDebInfo\worldserver.exe");
        crash.Revision.Should().Be("3c0e5b9f21a7");
        crash.Timestamp.Should().Be("2:3:2024. Time 2:14");
        crash.FaultingFrame.Should().Be(new CrashFrame(
            "Creature::~Creature", Source + @"Entities\Creature\Creature.cpp", 204,
            @"C:\TrinityCore\bin\RelWithDebInfo\worldserver.exe", "00007FF6F1A2B3C4"));
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Only_the_crashing_threads_call_stack_is_read()
    {
        var crash = CrashFixture.Parse("trinitycore-access-violation.txt");

        crash.Frames.Should().HaveCount(10, "the other threads' tables and the variables section follow it");
        crash.Frames[1].Should().Be(new CrashFrame("Creature::`scalar deleting destructor'", null, null, Address: "00007FF6F1A2B5F0"));
        crash.Frames[6].Function.Should().Be("std::thread::_Invoke<std::tuple<void (__cdecl MapUpdater::*)(void),MapUpdater *>,0,1>");
        crash.Frames[6].Line.Should().Be(56);
        crash.OwnLocations(4).Should().Equal(
            $@"Creature::~Creature @ {Source}Entities\Creature\Creature.cpp:204",
            $@"Map::RemoveFromMap<Creature> @ {Source}Maps\Map.cpp:1047",
            $@"Map::Update @ {Source}Maps\Map.cpp:781",
            $@"MapUpdateRequest::call @ {Source}Maps\MapUpdater.cpp:47");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_uncaught_cpp_exception_carries_its_what_and_faults_in_kernelbase()
    {
        var crash = CrashFixture.Parse("trinitycore-cpp-exception.txt");

        crash.Kind.Should().Be("Unhandled C++ exception");
        crash.Message.Should().Be("Attempted to get value with size: 4 in ByteBuffer (pos: 20 size: 20)");
        crash.FaultingFrame.Should().Be(new CrashFrame("RaiseException", null, null, @"C:\Windows\System32\KERNELBASE.dll", "00007FFC8EC4FB4C"));
        crash.OwnLocations(2).Should().Equal(
            @"ByteBuffer::read<unsigned int> @ C:\TrinityCore\src\server\shared\Packets\ByteBuffer.h:437",
            $@"WorldSession::HandleMoveTeleportAck @ {Source}Handlers\MovementHandler.cpp:331");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task A_frame_without_symbols_keeps_its_section_and_offset_in_the_module()
    {
        var crash = CrashFixture.Parse("trinitycore-nosymbols.txt");

        crash.Frames[0].Should().Be(new CrashFrame(
            "??", null, null, @"C:\TrinityCore\bin\Release\worldserver.exe", "00007FF6F1DF51D4", "0001:003F41D4"));
        crash.Frames.Should().HaveCount(6);
        crash.Message.Should().Be(@"exception C0000005 at 00007FF6F1DF51D4 in C:\TrinityCore\bin\Release\worldserver.exe");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_azerothcore_report_with_lower_cased_paths_reads_like_a_trinitycore_one()
    {
        var crash = CrashFixture.Parse("trinitycore-azerothcore-lowercase.txt");

        crash.Revision.Should().Be("2f1b8c3d4e5a");
        crash.FaultingFrame!.Location.Should().Be(@"d:\build\azerothcore\src\server\game\luaengine\serverhooks.cpp:251");
        crash.Frames.Should().HaveCount(6);
        await Task.CompletedTask;
    }
}
