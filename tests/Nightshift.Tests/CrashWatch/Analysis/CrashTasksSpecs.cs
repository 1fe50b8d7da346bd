using Nightshift.Diagnostics.Crashes;
using Nightshift.Tests.CrashWatch.Parsing;
using Nightshift.Tests.Support;
using Nightshift.Workloads.CrashWatch.Analysis;

namespace Nightshift.Tests.CrashWatch.Analysis;

/// <summary>The agent's task names the repository's files, however the crash handler spelled them.</summary>
public sealed class CrashTasksSpecs : IDisposable
{
    private readonly TempDir _repo = new("crash-tasks");

    public CrashTasksSpecs()
    {
        var lines = Enumerable.Range(1, 260).Select(n => n == 251 ? "    player->GetSession()->SendPacket(&data); // line 251" : $"// line {n}");
        _repo.Write("src/server/game/LuaEngine/ServerHooks.cpp", string.Join('\n', lines) + "\n");
    }

    public void Dispose() => _repo.Dispose();

    [Fact(Timeout = 10_000)]
    public async Task A_lower_cased_frame_is_marked_with_the_repository_path_and_its_source_is_shown()
    {
        await Task.Yield();
        var report = CrashFixture.Read("trinitycore-azerothcore-lowercase.txt");
        var analysis = CrashAnalysis.Of(report, new OwnCode(_repo.Path))!;

        var task = CrashTasks.Create("crash-1", analysis, report, _repo.Path, [], repro: null, policy: "tests not worse");

        task.Variables["frames"].Split('\n')[0].Should().EndWith(
            @"serverhooks.cpp:251   <- this repository: src/server/game/LuaEngine/ServerHooks.cpp");
        task.Variables["frames"].Split('\n')[1].Should().NotContain("<- this repository", "player.cpp is not in this repository");
        task.Variables["source"].Should().StartWith("src/server/game/LuaEngine/ServerHooks.cpp:251 (ServerHooks::OnPlayerLogin)")
            .And.Contain("SendPacket(&data); // line 251");
    }
}
