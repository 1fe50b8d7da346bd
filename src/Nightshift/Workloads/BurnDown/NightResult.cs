using Nightshift.Execution.Sandboxing;

namespace Nightshift.Workloads.BurnDown;

/// <summary>What a night did, as measured: the figures the CLI prints and the report repeats from the journal.</summary>
/// <param name="SessionId">The journal's session.</param>
/// <param name="Branch">The session branch the fixes landed on.</param>
/// <param name="StopReason">Why it stopped.</param>
/// <param name="Commits">Commits landed by this run (a resumed session counts only its own).</param>
/// <param name="Rejections">Attempts the verifier rejected in this run.</param>
/// <param name="ErrorsAtBaseline">Errors when the session started (its first snapshot).</param>
/// <param name="ErrorsNow">Errors at the session branch tip when it stopped.</param>
/// <param name="Elapsed">Wall-clock time of this run.</param>
/// <param name="Sandbox">What the worktree commands ran in.</param>
public sealed record NightResult(
    long SessionId,
    string Branch,
    NightStopReason StopReason,
    int Commits,
    int Rejections,
    int ErrorsAtBaseline,
    int ErrorsNow,
    TimeSpan Elapsed,
    Sandbox Sandbox);
