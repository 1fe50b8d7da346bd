using Nightshift.Attempts.Episodes;
using Nightshift.Store;
using Nightshift.Workloads.Learn.Datasets;

namespace Nightshift.Tests.Learn;

/// <summary>
/// A journal with one episode of every kind the dataset builder must tell apart, in this order:
/// <list type="number">
/// <item>cluster rustc:E0502 rejected</item>
/// <item>cluster rustc:E0502 accepted: failed then fixed</item>
/// <item>cluster rustc:E0308 accepted from errors</item>
/// <item>cluster lint:unused accepted without errors before: no lesson</item>
/// <item>an eval run of the eval koan borrow-temporary-dropped: eval</item>
/// <item>a practice run of the eval koan traits-rc-not-send: eval</item>
/// <item>a practice run of the train koan borrow-use-after-move accepted from errors</item>
/// <item>cluster rustc:E0308 accepted again, same fix, errors on other lines: a near-duplicate of 3</item>
/// <item>cluster rustc:E0599 rejected, never fixed</item>
/// <item>cluster rustc:E0599 abandoned</item>
/// <item>cluster rustc:E0425 accepted from errors with an empty diff: nothing to learn</item>
/// </list>
/// </summary>
internal static class DatasetFixture
{
    public const string UseAfterMoveSource = "pub fn greet(name: &str) -> usize {\n    let s = name.to_string();\n    drop(s);\n    s.len()\n}\n";

    public static async Task<IReadOnlyList<Episode>> SeedAsync(Journal journal)
    {
        var seeder = new EpisodeSeeder(journal);
        await seeder.AddAsync("burn-down", "rustc:E0502", EpisodeOutcome.Rejected, ["E0502"], ["E0502"], kind: "cluster");
        await seeder.AddAsync("burn-down", "rustc:E0502", EpisodeOutcome.Accepted, ["E0502"], kind: "cluster");
        await seeder.AddAsync("burn-down", "rustc:E0308", EpisodeOutcome.Accepted, ["E0308"], kind: "cluster");
        await seeder.AddAsync("burn-down", "lint:unused", EpisodeOutcome.Accepted, [], kind: "cluster");
        await seeder.AddAsync("eval", "borrow-temporary-dropped", EpisodeOutcome.Accepted, ["E0716"]);
        await seeder.AddAsync("practice", "traits-rc-not-send", EpisodeOutcome.Accepted, ["E0277"]);
        await seeder.AddAsync(
            "practice", "borrow-use-after-move", EpisodeOutcome.Accepted, ["E0382"], source: UseAfterMoveSource,
            diff: "--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -1,4 +1,4 @@\n-    drop(s);\n+    let n = s.len();\n");
        await seeder.AddAsync("burn-down", "rustc:E0308", EpisodeOutcome.Accepted, ["E0308"], kind: "cluster", line: 41);
        await seeder.AddAsync("burn-down", "rustc:E0599", EpisodeOutcome.Rejected, ["E0599"], ["E0599"], kind: "cluster");
        await seeder.AddAsync("burn-down", "rustc:E0599", EpisodeOutcome.Abandoned, ["E0599"], ["E0599"], kind: "cluster");
        await seeder.AddAsync("burn-down", "rustc:E0425", EpisodeOutcome.Accepted, ["E0425"], kind: "cluster", diff: "");
        return await seeder.Episodes.ReadAsync(EpisodeQuery.All, CancellationToken.None);
    }

    /// <summary>A replay buffer of <paramref name="count"/> distinct examples; line <paramref name="evalLine"/> mentions an eval koan.</summary>
    public static string ReplayText(int count, int evalLine)
    {
        var lines = Enumerable.Range(1, count).Select(i => new ChatExample(
        [
            new ChatMessage("system", ExamplePrompt.System),
            new ChatMessage("user", i == evalLine
                ? "Task: Borrow from a temporary (koan borrow-temporary-dropped)"
                : $"Task: old lesson {i} about {string.Join(' ', Enumerable.Repeat($"topic{i}", 6))}"),
            new ChatMessage("assistant", $"--- a/src/old{i}.rs\n+++ b/src/old{i}.rs\n@@ -1 +1 @@\n-old {i}\n+new {i}\n"),
        ]).ToLine());
        return string.Join('\n', lines) + "\n";
    }
}
