using Nightshift.Diagnostics.Crashes;

namespace Nightshift.Tests.CrashWatch.Parsing;

/// <summary>The assertion output of TrinityCore-family servers on Linux (hand-written to Errors.cpp's layout), and the one-line C/C++ reports.</summary>
public sealed class ServerAssertCrashSpecs
{
    [Fact(Timeout = 10_000)]
    public async Task A_server_assertion_names_the_file_line_function_and_expression()
    {
        var crash = CrashFixture.Parse("server-assert-getmap.txt");

        crash.Format.Should().Be(CrashFormats.ServerAssert);
        crash.Kind.Should().Be("ASSERTION FAILED");
        crash.Message.Should().Be("m_currMap", "the Segmentation fault the server crashes itself with is not part of it");
        crash.FaultingFrame.Should().Be(new CrashFrame("GetMap", "/home/trinity/TrinityCore/src/server/game/Entities/Object/Object.h", 534));
        crash.Frames.Should().Equal(crash.FaultingFrame!);
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task An_assertion_with_a_message_keeps_both_lines_and_not_the_log_after_them()
    {
        var crash = CrashParsers.Parse(
            "\n/srv/ac/src/server/game/Spells/Spell.cpp:3312 in _cast FATAL ERROR:\n  m_caster\n  Spell 133 cast without a caster\n"
            + "2024-03-02_02:14:07 World: shutting down\n")!;

        crash.Kind.Should().Be("FATAL ERROR");
        crash.Message.Should().Be("m_caster\nSpell 133 cast without a caster");
        await Task.CompletedTask;
    }

    [Theory(Timeout = 10_000)]
    [InlineData("int Check(int)", "Check")]
    [InlineData("virtual void Map::Update(uint32) const", "Map::Update")]
    [InlineData("T Sum(const std::vector<T>&) [with T = int]", "Sum")]
    [InlineData("std::map<int, Creature*> World::Creatures()", "World::Creatures")]
    [InlineData("int main()", "main")]
    public async Task Glibc_names_the_function_as_pretty_function_and_the_name_is_kept_without_types(string pretty, string name)
    {
        var crash = CrashParsers.Parse($"worldserver: src/World.cpp:12: {pretty}: Assertion `ok' failed.\nAborted\n")!;

        crash.Format.Should().Be(CrashFormats.GlibcAssert);
        crash.FaultingFrame.Should().Be(new CrashFrame(name, "src/World.cpp", 12, "worldserver"));
        crash.Message.Should().Be("ok");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 10_000)]
    public async Task Terminate_without_an_exception_is_a_crash_of_its_own_kind()
    {
        var crash = CrashParsers.Parse("terminate called without an active exception\nAborted (core dumped)\n")!;

        crash.Format.Should().Be(CrashFormats.CppTerminate);
        crash.Kind.Should().Be("std::terminate");
        crash.Frames.Should().BeEmpty();
        await Task.CompletedTask;
    }
}
