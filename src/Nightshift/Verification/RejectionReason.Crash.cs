using System.Text.Json.Serialization;

namespace Nightshift.Verification;

[JsonDerivedType(typeof(BuildFailed), "build_failed")]
[JsonDerivedType(typeof(StillCrashes), "repro_still_crashes")]
public abstract partial record RejectionReason
{
    /// <summary>The fix does not build: crash-watch, and the night and <c>verify</c> when <c>build</c> is set, build every fix before deciding on it.</summary>
    /// <param name="Problem">What the build did: "'cargo build' exited 101: error[E0308]: mismatched types".</param>
    public sealed record BuildFailed(string Problem) : RejectionReason
    {
        /// <summary>The last lines of the build's output, when it printed any.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Tail { get; init; }

        public override string Message => $"the build failed: {Problem}";
    }

    /// <summary><c>crash.repro</c> still crashes on the fixed build.</summary>
    /// <param name="What">What the repro did: "exits 101: thread 'main' panicked".</param>
    public sealed record StillCrashes(string What) : RejectionReason
    {
        public override string Message => $"the repro still crashes: it {What}";
    }
}
