using Nightshift.Agents;
using Nightshift.Configuration;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Git;
using Nightshift.Landing;
using Nightshift.Store;
using Nightshift.Telemetry;
using Nightshift.Workloads.CrashWatch.Deploy;
using Nightshift.Workspaces;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

/// <summary>What a crash's pipeline is wired to, one session's worth: the shared parts of every workload, and the deploy side.</summary>
/// <param name="Config">The configuration (build, tests, crash, landing, policy, agent).</param>
/// <param name="Journal">The record.</param>
/// <param name="Telemetry">Status, events and alerts of the session.</param>
/// <param name="SessionId">The journal's session.</param>
/// <param name="Branch">The session branch fixes land on.</param>
/// <param name="Repository">The user's repository.</param>
/// <param name="Workspaces">The attempts' worktrees.</param>
/// <param name="Lander">Ticketed commits on the session branch, and pushes.</param>
/// <param name="Releases">The builds deployed.</param>
/// <param name="Service">The service fixes are deployed to; null when <c>crash.service</c> is not configured.</param>
/// <param name="Ladder">Who writes the fixes (<c>agent.ladder</c>): each rung in turn until one fix is accepted.</param>
/// <param name="Runner">Runs the build, tests and repro.</param>
/// <param name="Paths">The repository's .nightshift/ layout (transcripts).</param>
public sealed record CrashPipelineParts(
    NightshiftConfig Config,
    Journal Journal,
    SessionTelemetry Telemetry,
    long SessionId,
    string Branch,
    GitRepository Repository,
    WorkspaceManager Workspaces,
    Lander Lander,
    Releases Releases,
    ServiceController? Service,
    Ladder Ladder,
    ProcessRunner Runner,
    NightshiftPaths Paths);
