using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Agents.Transcripts;
using Nightshift.Attempts.Episodes;
using Nightshift.Store;
using Nightshift.Workloads.Learn.Datasets;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Workloads.Learn.Evaluation;

public sealed partial class KoanEvaluator
{
    private async Task<EvalRun> RunOneAsync(
        IAgent agent, string? model, long sessionId, Koan koan, int repeat, EvalOptions options, CancellationToken cancellationToken)
    {
        using var workspace = KoanWorkspace.Create(koan);
        await workspace.InitGitAsync(runner, cancellationToken).ConfigureAwait(false);
        var source = await File.ReadAllTextAsync(workspace.SourcePath, cancellationToken).ConfigureAwait(false);
        var before = await toolchain.TestAsync(workspace.Path, workspace.BinDirectory, cancellationToken).ConfigureAwait(false);

        var task = await journal.EnsureTaskAsync(sessionId, new NewTask("koan", koan.Id, koan.Title), cancellationToken).ConfigureAwait(false);
        var attempt = await journal.BeginAttemptAsync(sessionId, task.Id, agent.Name, cancellationToken).ConfigureAwait(false);
        var memory = new EpisodeTranscript();
        var file = options.Paths is { } paths ? new TranscriptFile(paths.TranscriptFor($"eval-{attempt.Id}")) : null;
        try
        {
            var agentTask = KoanTasks.For(koan, repeat, source, before);
            var request = new AgentRequest(
                agentTask,
                workspace.Path,
                options.Budget,
                new KoanChecks(toolchain, workspace),
                file is null ? memory : new CompositeTranscript(file, memory));
            var result = await RunAgentAsync(agent, request, cancellationToken).ConfigureAwait(false);

            var testsEdited = await File.ReadAllTextAsync(System.IO.Path.Combine(workspace.Path, Koan.TestsFile), cancellationToken)
                .ConfigureAwait(false) != await File.ReadAllTextAsync(koan.TestsPath, cancellationToken).ConfigureAwait(false);
            workspace.RestoreTests();
            var after = await toolchain.TestAsync(workspace.Path, workspace.BinDirectory, cancellationToken).ConfigureAwait(false);
            var diff = await workspace.DiffAsync(runner, cancellationToken).ConfigureAwait(false);
            var passed = after.IsGreen;

            var content = new EpisodeContent(
                EpisodeTask.From(agentTask, koan.Id, new Dictionary<string, string> { [Koan.SourceFile] = source }),
                passed ? EpisodeOutcome.Accepted : EpisodeOutcome.Rejected,
                model,
                KoanDiagnostics.From(before),
                KoanDiagnostics.From(after),
                memory.Entries,
                result.Steps);
            var verdict = JsonSerializer.Serialize(
                new { accepted = passed, before = before.Describe(), after = after.Describe(), testsEdited, stopReason = StopReason(result) },
                LearnJson.Compact);
            await journal.InTransactionAsync(
                async _ =>
                {
                    await journal.FinishAttemptAsync(
                        attempt.Id,
                        new AttemptResult(StopReason(result), result.Usage.TokensIn, result.Usage.TokensOut, result.Usage.CostUsd ?? 0, diff, file?.Path),
                        cancellationToken).ConfigureAwait(false);
                    await journal.RecordVerdictAsync(attempt.Id, passed, verdict, cancellationToken).ConfigureAwait(false);
                    await new EpisodeJournal(journal).RecordAsync(attempt.Id, EvalGuard.EvalWorkload, content, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

            var remaining = after.Errors.Select(e => e.Code).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            return new EvalRun(koan.Id, repeat, passed, result.Steps, result.StopReason, remaining, attempt.Id);
        }
        catch (OperationCanceledException)
        {
            await journal.AbandonAttemptAsync(attempt.Id, "interrupted", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (NightshiftException e)
        {
            // The harness failed (git, rustc missing): the attempt must not stay "started" for resume to puzzle over.
            await journal.AbandonAttemptAsync(attempt.Id, e.Message, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // An agent that fails in a way it reports (a provider error, a broken recording) has failed this run,
    // not the eval: the run counts as a failure with the error in its transcript.
    private static async Task<AgentResult> RunAgentAsync(IAgent agent, AgentRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await agent.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (NightshiftException e) when (!e.IsFatal)
        {
            await request.Transcript.AppendAsync(new TranscriptEntry(0, "harness", $"The agent failed: {e.Message}"), cancellationToken)
                .ConfigureAwait(false);
            return new AgentResult(AgentStopReason.Error, AgentUsage.None, 0, Error: e.Message);
        }
    }

    private static string StopReason(AgentResult result) => result.StopReason.WireName();
}
