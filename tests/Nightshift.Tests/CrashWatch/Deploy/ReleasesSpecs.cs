using Nightshift.Tests.Support;
using Nightshift.Workloads.CrashWatch.Deploy;

namespace Nightshift.Tests.CrashWatch.Deploy;

/// <summary>crash.reuse: a new release starts from the running build's outputs, with their file times, so its build is incremental.</summary>
public sealed class ReleasesSpecs : IDisposable
{
    private readonly TempDir _dir = new("releases");

    public void Dispose() => _dir.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task Reused_outputs_are_copied_from_the_running_build_with_their_file_times_and_missing_ones_are_skipped()
    {
        await Task.Yield();
        _dir.Write("running/target/debug/app", "binary");
        _dir.Write("running/target/debug/.fingerprint/app/hash", "fingerprint");
        _dir.Write("running/out.txt", "one file");
        var built = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_dir["running/target/debug/app"], built);
        _dir.Write("worktree/src/main.rs", "fn main() {}\n");
        var releases = new Releases(_dir["releases"]);
        var release = releases.Create("attempt-1", _dir["worktree"]);

        var reused = Releases.Reuse(release, _dir["running"], ["target", "out.txt", "build/obj"]);

        reused.Should().Equal(("target", 2), ("out.txt", 1));
        File.ReadAllText(Path.Combine(release.Directory, "target/debug/.fingerprint/app/hash")).Should().Be("fingerprint");
        File.GetLastWriteTimeUtc(Path.Combine(release.Directory, "target/debug/app")).Should().Be(built, "the build tool must see the output as up to date");
        File.Exists(Path.Combine(release.Directory, "src/main.rs")).Should().BeTrue();
        Directory.Exists(Path.Combine(release.Directory, "build")).Should().BeFalse();
    }
}
