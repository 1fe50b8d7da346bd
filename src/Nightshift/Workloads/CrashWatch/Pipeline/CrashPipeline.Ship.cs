using System.Globalization;
using System.Text.Json.Nodes;
using Nightshift.Attempts;
using Nightshift.Landing;
using Nightshift.Telemetry;
using Nightshift.Telemetry.Events;
using Nightshift.Workloads.CrashWatch.Deploy;

namespace Nightshift.Workloads.CrashWatch.Pipeline;

public sealed partial class CrashPipeline
{
    /// <summary>Commits the accepted fix on the session branch with a ticket (the lander never touches a checkout).</summary>
    private async Task<(LandingResult.Landed? Landed, StepEnd End)> LandAsync(
        CrashJob job, CrashAttempt attempt, AttemptEnd<CrashBuild>.Decided accepted, CancellationToken cancellationToken)
    {
        var summary = accepted.Agent.SummaryIsOwn ? accepted.Agent.Summary : null;
        var request = new LandingRequest(
            parts.SessionId, accepted.AttemptId, parts.Branch, attempt.Workspace, summary, $"Fix crash: {job.Analysis.Title}", accepted.Verdict.Figures.Verified);
        switch (await parts.Lander.LandAsync(request, cancellationToken).ConfigureAwait(false))
        {
            case LandingResult.Landed landed:
                _baselines.Landed(landed.Sha, accepted.Judgement.Measured.TestsAfter, attempt.TestsBefore);
                await parts.Telemetry.RefreshAsync(cancellationToken).ConfigureAwait(false);
                return (landed, StepEnd.Done($"{landed.Ticket} {landed.Sha[..12]} on {landed.Branch}", new JsonObject { ["ticket"] = landed.Ticket, ["commit"] = landed.Sha }));
            case LandingResult.NeedsReverification moved:
                await moved.Workspace.DisposeAsync().ConfigureAwait(false);
                return (null, StepEnd.Failed($"the session branch {parts.Branch} moved while the fix was verified (did something else land on it?)"));
            case LandingResult.Conflicted conflicted:
                return (null, StepEnd.Failed($"the session branch {parts.Branch} moved and the fix no longer applies: {conflicted.Details}"));
            default:
                return (null, StepEnd.Failed("there was nothing to land"));
        }
    }

    /// <summary>Waits for the lander's push (<c>landing.push</c>); a failed push is an alert, not a reason to hold the deploy back.</summary>
    private async Task<StepEnd> PushAsync(Shipped shipped, CancellationToken cancellationToken)
    {
        if (!parts.Config.Landing.Push)
        {
            return StepEnd.Skipped("landing.push is off");
        }

        var pushed = await parts.Lander.CompletePushesAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (pushed is null || pushed.Succeeded)
        {
            return pushed is null
                ? StepEnd.Skipped("nothing was pushed")
                : StepEnd.Done(string.Create(CultureInfo.InvariantCulture, $"pushed {pushed.Branch} to {pushed.Remote} ({pushed.Attempts} attempt(s))"));
        }

        await parts.Telemetry.AlertAsync(
            AlertSeverity.Warning,
            AlertKinds.PushFailed,
            $"{shipped.Ticket} landed on {parts.Branch} but pushing it to {pushed.Remote} failed after {pushed.Attempts} attempt(s): {pushed.Error}",
            cancellationToken).ConfigureAwait(false);
        return StepEnd.Failed($"push to {pushed.Remote} failed: {pushed.Error}");
    }

    /// <summary>Deploys the release to the service; never canceled halfway, so the service is never left stopped by an interrupt.</summary>
    private async Task<(CrashResult Result, string? Problem)> DeployAsync(CrashJob job, CrashSteps steps, Shipped shipped, Release release)
    {
        if (parts.Service is not { } service)
        {
            await steps.StepAsync("deploy", () => Task.FromResult(StepEnd.Skipped("crash.service is not configured")), CancellationToken.None)
                .ConfigureAwait(false);
            return (CrashResult.Landed, null);
        }

        var previous = service.Current;
        DeployOutcome? outcome = null;
        var end = await steps.StepAsync(
            "deploy",
            async () =>
            {
                outcome = await service.DeployAsync(release, CancellationToken.None).ConfigureAwait(false);
                return outcome switch
                {
                    DeployOutcome.Deployed deployed => StepEnd.Done($"{deployed.Release.Name} healthy after {Seconds(deployed.HealthyAfter)}"),
                    DeployOutcome.RolledBack back => StepEnd.Failed($"{back.Problem}; rolled back to {back.Restored.Name}"),
                    DeployOutcome.ServiceDown down => StepEnd.Failed($"{down.Problem}; {down.Previous.Name} did not come back either: {down.RestoreProblem}"),
                    _ => throw new InvalidOperationException($"Unknown deploy outcome {outcome}."),
                };
            },
            CancellationToken.None).ConfigureAwait(false);

        switch (outcome)
        {
            case DeployOutcome.Deployed:
                parts.Releases.Prune([service.Current, previous]);
                return (CrashResult.Deployed, null);
            case DeployOutcome.RolledBack back:
                await parts.Telemetry.AlertAsync(
                    AlertSeverity.Critical,
                    CrashAlerts.DeployFailed,
                    $"{shipped.Ticket} ({job.Analysis.Title}) landed on {parts.Branch}, but its build failed the health check after deploy: "
                    + $"{back.Problem}. The previous build ({back.Restored.Name}) was started again and is healthy. Service log: {service.LogFile}.",
                    CancellationToken.None).ConfigureAwait(false);
                return (CrashResult.RolledBack, back.Problem);
            default:
                var problem = outcome is DeployOutcome.ServiceDown down ? $"{down.Problem}; restore: {down.RestoreProblem}" : end.Summary;
                await parts.Telemetry.AlertAsync(
                    AlertSeverity.Critical,
                    CrashAlerts.ServiceDown,
                    $"The service is down: deploying {shipped.Ticket} failed ({problem}) and the previous build did not come back. "
                    + $"Service log: {service.LogFile}.",
                    CancellationToken.None).ConfigureAwait(false);
                return (CrashResult.ServiceDown, problem);
        }
    }
}
