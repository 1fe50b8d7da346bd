using System.Text.Json;
using Nightshift.Agents.Local;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Learn;

/// <summary>
/// Stand-ins for models of known skill: replay agents whose recordings hold the reference solutions of
/// exactly the koans a "model" is meant to solve, so its pass rate is known before the eval runs.
/// </summary>
internal static class ReplayModels
{
    /// <summary>A replay agent that writes the reference solution of each of <paramref name="solves"/> and nothing for the rest.</summary>
    public static ReplayAgent Solving(TempDir dir, string name, params string[] solves) => new(Recording(dir, name, solves));

    /// <summary>A JSONL recording (replay/&lt;name&gt;.jsonl) with one task-keyed file write per solved koan.</summary>
    public static string Recording(TempDir dir, string name, params string[] solves) => dir.Write(
        $"replay/{name}.jsonl",
        string.Concat(solves.Select(id => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["task"] = id,
            ["path"] = "src/lib.rs",
            ["content"] = File.ReadAllText(BundledKoans.Get(id).SolutionPath),
        }) + "\n")));
}
