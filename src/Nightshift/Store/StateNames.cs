namespace Nightshift.Store;

/// <summary>
/// The text each state is stored as. Spelled out rather than derived from enum names, so renaming
/// an enum member cannot silently change what journals on disk mean; the schema CHECKs the same words.
/// </summary>
internal static class StateNames
{
    private static readonly Spellings<SessionState> _sessions = new(
        "session",
        [(SessionState.Running, "running"), (SessionState.Ended, "ended"), (SessionState.Abandoned, "abandoned")]);

    private static readonly Spellings<TaskState> _tasks = new(
        "task",
        [(TaskState.Open, "open"), (TaskState.Solved, "solved"), (TaskState.Skipped, "skipped")]);

    private static readonly Spellings<AttemptState> _attempts = new(
        "attempt",
        [
            (AttemptState.Started, "started"), (AttemptState.Finished, "finished"), (AttemptState.Verified, "verified"),
            (AttemptState.Landed, "landed"), (AttemptState.Rejected, "rejected"), (AttemptState.Abandoned, "abandoned"),
        ]);

    public static string ToSql(this SessionState state) => _sessions.Text(state);

    public static SessionState ToSessionState(string text) => _sessions.Parse(text);

    public static string ToSql(this TaskState state) => _tasks.Text(state);

    public static TaskState ToTaskState(string text) => _tasks.Parse(text);

    public static string ToSql(this AttemptState state) => _attempts.Text(state);

    public static AttemptState ToAttemptState(string text) => _attempts.Parse(text);

    /// <summary>One enum's stored words, both ways; a word is matched exactly, as the schema's CHECK does.</summary>
    private sealed class Spellings<T>(string what, (T State, string Text)[] table)
        where T : struct, Enum
    {
        public string Text(T state)
        {
            foreach (var entry in table)
            {
                if (EqualityComparer<T>.Default.Equals(entry.State, state))
                {
                    return entry.Text;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }

        public T Parse(string text)
        {
            foreach (var entry in table)
            {
                if (string.Equals(entry.Text, text, StringComparison.Ordinal))
                {
                    return entry.State;
                }
            }

            throw new InvalidOperationException($"The journal holds an unknown {what} state '{text}'.");
        }
    }
}
