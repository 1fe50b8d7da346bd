using Nightshift.Agents;
using Nightshift.Attempts.Episodes;
using Nightshift.Execution;
using Nightshift.Store;
using Nightshift.Workloads.Learn.Datasets;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Workloads.Learn.Evaluation;

/// <summary>
/// Runs an agent on the frozen eval koans, k times each, every run in a fresh temporary copy. Acceptance is
/// the koan's own tests passing (restored before the check, counted against the tests it declares). Every run
/// is journaled as an attempt of an <c>eval</c> session with its episode, which the dataset builder never uses.
/// </summary>
public sealed partial class KoanEvaluator(Journal journal, KoanToolchain toolchain, ProcessRunner runner, EvalGuard guard)
{
    /// <param name="agent">The agent to evaluate.</param>
    /// <param name="model">The model or adapter it runs with, for the record; null for the configured one.</param>
    /// <param name="koans">The set whose eval koans are run.</param>
    /// <param name="options">Repeats, parallelism, budget.</param>
    /// <param name="progress">Told about each run as it finishes.</param>
    /// <param name="cancellationToken">Stops the eval; the run in flight is abandoned in the journal.</param>
    public async Task<EvalReport> RunAsync(
        IAgent agent,
        string? model,
        KoanSet koans,
        EvalOptions options,
        IProgress<EvalRun>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(koans);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repeats, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);

        // What was learnable is fixed before the first run, so this eval's own episodes never count.
        var earlier = await new EpisodeJournal(journal).ReadAsync(EpisodeQuery.All, cancellationToken).ConfigureAwait(false);
        var fixedBefore = EvalMetrics.FixedErrorCodes(earlier, guard);

        var session = await journal.StartSessionAsync(EvalGuard.EvalWorkload, "-", koans.EvalSetHash, cancellationToken)
            .ConfigureAwait(false);
        await journal.SetSessionSandboxAsync(session.Id, runner.Sandbox.Name, cancellationToken).ConfigureAwait(false);
        if (model is not null)
        {
            await journal.SetSessionModelAsync(session.Id, model, cancellationToken).ConfigureAwait(false);
        }
        IReadOnlyList<EvalRun> runs;
        try
        {
            runs = await PracticeAsync(agent, model, session.Id, EvalGuard.EvalWorkload, [.. koans.Eval], options, progress, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await journal.EndSessionAsync(session.Id, "interrupted", CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await journal.EndSessionAsync(session.Id, "done", CancellationToken.None).ConfigureAwait(false);
        return new EvalReport(model, agent.Name, koans.EvalSetHash, options.Repeats, session.Id, runs, fixedBefore);
    }

    /// <summary>
    /// The agent on <paramref name="koans"/>, k times each, every run an attempt of the caller's session under
    /// <paramref name="workload"/> with its episode, exactly as a night records them: the eval's runs, and the day phase of
    /// <c>nightshift learn</c> on the train koans, from which the next dataset learns what failed and then passed.
    /// </summary>
    public async Task<IReadOnlyList<EvalRun>> PracticeAsync(
        IAgent agent,
        string? model,
        long sessionId,
        string workload,
        IReadOnlyList<Koan> koans,
        EvalOptions options,
        IProgress<EvalRun>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(koans);
        ArgumentNullException.ThrowIfNull(options);
        var work = koans.SelectMany(koan => Enumerable.Range(1, options.Repeats).Select(repeat => (koan, repeat))).ToList();
        var runs = new EvalRun[work.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), parallel, async (i, token) =>
        {
            if (options.Endpoint is { } endpoint)
            {
                await endpoint.WaitUntilUpAsync(token).ConfigureAwait(false);
            }

            runs[i] = await RunOneAsync(agent, model, sessionId, workload, work[i].koan, work[i].repeat, options, token).ConfigureAwait(false);
            progress?.Report(runs[i]);
        }).ConfigureAwait(false);
        return runs;
    }
}
