using Nightshift.Diagnostics.Crashes;
using Nightshift.Git;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.CrashWatch.Analysis;

/// <summary>A frame is the project's own when its file is found in the repository, however the report printed the path.</summary>
public sealed class OwnCodeSpecs : IDisposable
{
    private readonly TempDir _repo = new("own-code");

    public OwnCodeSpecs()
    {
        _repo.Write("src/server/Creature.cpp", "");
        _repo.Write("src/main.rs", "");
        _repo.Write("src/result.rs", "");
        _repo.Write("src/server/game/LuaEngine/ServerHooks.cpp", "");
    }

    public void Dispose() => _repo.Dispose();

    [Theory(Timeout = 10_000)]
    [InlineData("src/main.rs", "src/main.rs")]
    [InlineData("./src/main.rs", "src/main.rs")]
    [InlineData(@"D:\build\TrinityCore\src\server\Creature.cpp", "src/server/Creature.cpp")]
    [InlineData("/home/ci/work/src/server/Creature.cpp", "src/server/Creature.cpp")]
    [InlineData("../src/server/Creature.cpp", "src/server/Creature.cpp")]
    [InlineData("/home/ci/build/../src/server/./Creature.cpp", "src/server/Creature.cpp")]
    [InlineData(@"d:\build\src\server\game\luaengine\serverhooks.cpp", "src/server/game/LuaEngine/ServerHooks.cpp")]
    [InlineData("SRC/SERVER/GAME/LUAENGINE/SERVERHOOKS.CPP", "src/server/game/LuaEngine/ServerHooks.cpp")]
    public async Task A_path_that_ends_in_a_file_of_the_repository_is_resolved_to_it(string printed, string expected)
    {
        await Task.Yield();

        new OwnCode(_repo.Path).Resolve(printed).Should().Be(expected);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_release_folder_under_nightshift_is_read_as_the_repository_it_was_copied_from()
    {
        await Task.Yield();

        var printed = Path.Combine(_repo.Path, ".nightshift/crash-watch/releases/attempt-3/src/main.rs");

        new OwnCode(_repo.Path).Resolve(printed).Should().Be("src/main.rs");
    }

    [Theory(Timeout = 10_000)]
    [InlineData("/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/result.rs")]
    [InlineData("/home/me/.cargo/registry/src/index.crates.io-6f17d22bba15001f/serde-1.0.0/src/main.rs")]
    [InlineData("/usr/lib/python3.12/json/decoder.py")]
    [InlineData("/elsewhere/main.rs")]
    [InlineData("Creature.cpp")]
    public async Task Toolchain_dependency_and_unknown_paths_are_not_own(string printed)
    {
        await Task.Yield();
        var own = new OwnCode(_repo.Path);

        own.Resolve(printed).Should().BeNull();
        own.IsOwn(new CrashFrame("f", printed, 1)).Should().BeFalse();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_frame_without_a_file_is_not_own()
    {
        await Task.Yield();

        new OwnCode(_repo.Path).IsOwn(new CrashFrame("main", null, null)).Should().BeFalse();
    }

    [Fact(Timeout = 10_000)]
    public async Task Of_two_files_that_differ_only_by_case_the_exact_one_wins_else_the_first_in_ordinal_order_and_the_choice_is_told()
    {
        await Task.Yield();
        _repo.Write("src/hooks/Hooks.cpp", "");
        _repo.Write("src/hooks/hooks.cpp", "");
        var own = new OwnCode(_repo.Path);

        own.Match("/build/src/hooks/hooks.cpp").Should().Be(new SourceMatch("src/hooks/hooks.cpp", []));
        var folded = own.Match(@"d:\build\src\HOOKS\HOOKS.CPP")!;
        folded.Path.Should().Be("src/hooks/Hooks.cpp");
        folded.OtherCases.Should().Equal("src/hooks/hooks.cpp");
        folded.Note.Should().Be("chose src/hooks/Hooks.cpp over src/hooks/hooks.cpp (they differ only by case)");
        new OwnCode(_repo.Path).Match(@"d:\build\src\HOOKS\HOOKS.CPP").Should().BeEquivalentTo(folded, "the choice is the same every time");
    }

    [Fact(Timeout = 60_000)]
    public async Task With_gits_file_list_a_path_that_matches_only_without_case_resolves_to_a_tracked_file_not_a_build_copy()
    {
        using var repo = await GitRepo.InitAsync("own-code-git");
        repo.Write("src/server/game/Entities/Player/Player.cpp", "");
        await repo.CommitAllAsync("player");
        repo.Write("out/src/server/game/entities/player/player.cpp", ""); // an untracked copy a build step left
        const string printed = @"d:\build\OUT\src\server\game\entities\player\player.cpp";

        var own = await OwnCode.LoadAsync(await GitRepository.OpenAsync(repo.Path), repo.Path, CancellationToken.None);

        own.Resolve(printed).Should().Be("src/server/game/Entities/Player/Player.cpp");
        new OwnCode(repo.Path).Resolve(printed).Should().Be(
            "out/src/server/game/entities/player/player.cpp", "without git's list every file on disk is a candidate");
    }
}
