using System.Globalization;
using Nightshift.Agents;
using Nightshift.Workloads.Learn.Koans;

namespace Nightshift.Workloads.Learn.Evaluation;

/// <summary>A koan as an agent task (kind <c>koan</c>, keyed by the koan id so a replay finds its recording).</summary>
public static class KoanTasks
{
    /// <summary>
    /// Variables: <c>koan</c>, <c>category</c>, <c>difficulty</c>, <c>file</c> (the file to fix), <c>source</c> (its
    /// content), <c>tests</c> (the tests file, read-only), <c>diagnostics</c> (what rustc or the tests said).
    /// </summary>
    public static AgentTask For(Koan koan, int repeat, string source, KoanRun before)
    {
        ArgumentNullException.ThrowIfNull(koan);
        ArgumentNullException.ThrowIfNull(before);
        var variables = new Dictionary<string, string>
        {
            ["koan"] = koan.Id,
            ["category"] = koan.Category,
            ["difficulty"] = koan.Difficulty.ToString(CultureInfo.InvariantCulture),
            ["file"] = Koan.SourceFile,
            ["source"] = source,
            ["tests"] = File.ReadAllText(koan.TestsPath),
            ["diagnostics"] = before.Output,
        };
        return new AgentTask($"{koan.Id}#{repeat}", "koan", koan.Title, variables, before.Diagnostics) { Key = koan.Id, Family = koan.Category };
    }
}
