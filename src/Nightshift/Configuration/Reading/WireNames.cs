using Nightshift.Diagnostics;
using Nightshift.Testing;
namespace Nightshift.Configuration.Reading;

/// <summary>
/// The names enum values have in nightshift.yml (and in <c>nightshift config --json</c>). Written out rather
/// than derived from the C# names so that renaming a member can never silently change the file format.
/// </summary>
internal static class WireNames
{
    private static readonly Dictionary<Type, IReadOnlyList<(string Name, Enum Value)>> _tables = new()
    {
        // Formats are named once, next to their parsers.
        [typeof(DiagnosticFormat)] = [.. DiagnosticFormats.Names.Select(n => (n, (Enum)Parse(DiagnosticFormats.TryParse(n, out var f), f)))],
        [typeof(TestFormat)] = [.. TestFormats.Names.Select(n => (n, (Enum)Parse(TestFormats.TryParse(n, out var f), f)))],
        [typeof(AgentProvider)] =
        [
            ("suggest", AgentProvider.Suggest), ("openai", AgentProvider.OpenAI), ("anthropic", AgentProvider.Anthropic),
            ("command", AgentProvider.Command), ("replay", AgentProvider.Replay),
        ],
        [typeof(AgentPreset)] = [("claude", AgentPreset.Claude), ("codex", AgentPreset.Codex), ("aider", AgentPreset.Aider)],
        [typeof(PromptInput)] = [("stdin", PromptInput.Stdin), ("file", PromptInput.File)],
        [typeof(NewWarnings)] = [("reveal", NewWarnings.Reveal), ("reject", NewWarnings.Reject)],
        [typeof(PendingChanges)] = [("refuse", PendingChanges.Refuse), ("include", PendingChanges.Include)],
        [typeof(SandboxMode)] = [("auto", SandboxMode.Auto), ("bubblewrap", SandboxMode.Bubblewrap), ("off", SandboxMode.Off)],
        [typeof(PromotionTarget)] = [("none", PromotionTarget.None), ("agent", PromotionTarget.Agent)],
        [typeof(PullRequestHost)] = [("none", PullRequestHost.None), ("github", PullRequestHost.GitHub), ("gitlab", PullRequestHost.GitLab)],
    };

    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Table<T>().Select(e => e.Name).ToArray();

    public static string Name<T>(T value)
        where T : struct, Enum => Table<T>().First(e => e.Value.Equals(value)).Name;

    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var (name, candidate) in Table<T>())
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = (T)candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static T Parse<T>(bool found, T? value)
        where T : struct => found ? value!.Value : throw new InvalidOperationException("A format name without a value.");

    private static IReadOnlyList<(string Name, Enum Value)> Table<T>()
        where T : struct, Enum => _tables[typeof(T)];
}
