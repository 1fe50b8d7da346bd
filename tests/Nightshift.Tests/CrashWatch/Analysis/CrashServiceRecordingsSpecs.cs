using Nightshift.Diagnostics.Crashes;
using Nightshift.Files;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.CrashWatch.Analysis;

/// <summary>
/// The sample service's recorded fixes are found by the signatures of its real crash reports (Fixtures/crash-service,
/// written by its panic hook): when the signature's shape changes, this says which recordings to rename, and how.
/// </summary>
public sealed class CrashServiceRecordingsSpecs
{
    private static readonly string _example = Path.Combine(Binaries.RepositoryRoot, "examples", "crash-service");

    [Theory(Timeout = 10_000)]
    [InlineData("divide", "attempt to divide by zero", "crash_service::handlers::divide")]
    [InlineData("item", "index out of bounds", "crash_service::handlers::item")]
    [InlineData("parse", "called `Result::unwrap()` on an `Err` value", "crash_service::handlers::parse")]
    public async Task Each_planted_crash_has_a_recorded_fix_named_by_its_signature(string request, string kind, string function)
    {
        var report = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "crash-service", request + ".txt"));

        var analysis = CrashAnalysis.Of(report, new OwnCode(_example))!;

        analysis.Should().NotBeNull();
        analysis.Signature.Value.Should().StartWith($"panic ({kind}) @ {function} (handlers.rs) < crash_service::handle (main.rs)");
        analysis.OwnFrames[0].Path.Should().Be("src/handlers.rs");
        var recording = Path.Combine(_example, "recordings", SafeFileName.From(analysis.Signature.Value) + ".patch");
        File.Exists(recording).Should().BeTrue($"the replay agent looks for the fix of '{analysis.Signature.Value}' at {recording}");
    }
}
