using Nightshift.Tests.Support;
using Nightshift.Workloads.CrashWatch.Analysis;
using Nightshift.Workloads.CrashWatch.Parsing;

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
    }

    public void Dispose() => _repo.Dispose();

    [Theory(Timeout = 10_000)]
    [InlineData("src/main.rs", "src/main.rs")]
    [InlineData("./src/main.rs", "src/main.rs")]
    [InlineData(@"D:\build\TrinityCore\src\server\Creature.cpp", "src/server/Creature.cpp")]
    [InlineData("/home/ci/work/src/server/Creature.cpp", "src/server/Creature.cpp")]
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
}
