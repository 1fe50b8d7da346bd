using Nightshift.Agents;
using Nightshift.Attempts.Episodes;
using Nightshift.Diagnostics;
using Nightshift.Store;

namespace Nightshift.Tests.Learn;

/// <summary>
/// Writes attempts and their episodes through the journal's public API, the way a workload does:
/// session, task, attempt begun, finished, decided, then the episode.
/// </summary>
internal sealed class EpisodeSeeder(Journal journal)
{
    private readonly Dictionary<string, long> _sessions = new(StringComparer.Ordinal);

    public EpisodeJournal Episodes { get; } = new(journal);

    public async Task<Episode> AddAsync(
        string workload,
        string key,
        EpisodeOutcome outcome,
        string[]? errorsBefore = null,
        string[]? errorsAfter = null,
        string? diff = null,
        string kind = "koan",
        string source = "fn main() {}\n",
        int steps = 1,
        string? model = null,
        int line = 3)
    {
        var ct = CancellationToken.None;
        if (!_sessions.TryGetValue(workload, out var sessionId))
        {
            sessionId = (await journal.StartSessionAsync(workload, $"nightshift/{workload}", "hash", ct)).Id;
            _sessions[workload] = sessionId;
        }

        var task = await journal.EnsureTaskAsync(sessionId, new NewTask(kind, key, $"Fix {key}"), ct);
        var attempt = await journal.BeginAttemptAsync(sessionId, task.Id, "replay", ct);
        diff ??= outcome == EpisodeOutcome.Accepted ? $"--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -1 +1 @@\n-broken {key}\n+fixed {key}\n" : "";
        await journal.FinishAttemptAsync(attempt.Id, new AttemptResult("finished", 10, 5, 0m, diff, null), ct);
        if (outcome != EpisodeOutcome.Abandoned)
        {
            await journal.RecordVerdictAsync(attempt.Id, outcome == EpisodeOutcome.Accepted, $$"""{"accepted":{{(outcome == EpisodeOutcome.Accepted ? "true" : "false")}}}""", ct);
        }
        else
        {
            await journal.AbandonAttemptAsync(attempt.Id, "interrupted", ct);
        }

        var content = new EpisodeContent(
            new EpisodeTask(kind, key, $"Fix {key}", new Dictionary<string, string> { ["koan"] = key }, new Dictionary<string, string> { ["src/lib.rs"] = source }),
            outcome,
            model,
            Errors(errorsBefore ?? [], line),
            Errors(errorsAfter ?? [], line),
            [new TranscriptEntry(1, "assistant", $"patching {key}") { At = DateTimeOffset.UnixEpoch }],
            steps);
        return await Episodes.RecordAsync(attempt.Id, workload, content, ct);
    }

    public static IReadOnlyList<EpisodeDiagnostic> Errors(IEnumerable<string> codes, int line = 3) =>
    [
        .. codes.Select(code => new EpisodeDiagnostic(
            "rustc", Severity.Error, code, $"error {code}", "src/lib.rs", line, 5, $"error[{code}]: error {code}\n --> src/lib.rs:{line}:5\n")),
    ];
}
