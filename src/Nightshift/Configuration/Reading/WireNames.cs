namespace Nightshift.Configuration.Reading;

/// <summary>
/// The names enum values have in nightshift.yml (and in <c>nightshift config --json</c>). Written out rather
/// than derived from the C# names so that renaming a member can never silently change the file format.
/// </summary>
internal static class WireNames
{
    private static readonly Dictionary<Type, IReadOnlyList<(string Name, Enum Value)>> _tables = new()
    {
        [typeof(DiagnosticFormat)] =
        [
            ("cargo-json", DiagnosticFormat.CargoJson), ("rustc-json", DiagnosticFormat.RustcJson),
            ("rustc", DiagnosticFormat.Rustc), ("msbuild", DiagnosticFormat.Msbuild), ("gcc", DiagnosticFormat.Gcc),
            ("tsc", DiagnosticFormat.Tsc), ("python", DiagnosticFormat.Python), ("pytest", DiagnosticFormat.Pytest),
            ("regex", DiagnosticFormat.Regex),
        ],
        [typeof(TestFormat)] =
        [
            ("cargo-test", TestFormat.CargoTest), ("trx", TestFormat.Trx), ("junit", TestFormat.Junit),
            ("exit-code", TestFormat.ExitCode),
        ],
        [typeof(AgentProvider)] =
        [
            ("suggest", AgentProvider.Suggest), ("openai", AgentProvider.OpenAI), ("anthropic", AgentProvider.Anthropic),
            ("command", AgentProvider.Command), ("replay", AgentProvider.Replay),
        ],
        [typeof(AgentPreset)] = [("claude", AgentPreset.Claude), ("codex", AgentPreset.Codex), ("aider", AgentPreset.Aider)],
        [typeof(PromptInput)] = [("stdin", PromptInput.Stdin), ("file", PromptInput.File)],
        [typeof(PendingChanges)] = [("refuse", PendingChanges.Refuse), ("include", PendingChanges.Include)],
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

    private static IReadOnlyList<(string Name, Enum Value)> Table<T>()
        where T : struct, Enum => _tables[typeof(T)];
}
