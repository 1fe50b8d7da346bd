namespace Nightshift.Store;

/// <summary>
/// The text each state is stored as. Spelled out rather than derived from enum names, so renaming
/// an enum member cannot silently change what journals on disk mean; the schema CHECKs the same words.
/// </summary>
internal static class StateNames
{
    public static string ToSql(this SessionState state) => state switch
    {
        SessionState.Running => "running",
        SessionState.Ended => "ended",
        SessionState.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static SessionState ToSessionState(string text) => text switch
    {
        "running" => SessionState.Running,
        "ended" => SessionState.Ended,
        "abandoned" => SessionState.Abandoned,
        _ => throw Unknown("session", text),
    };

    public static string ToSql(this TaskState state) => state switch
    {
        TaskState.Open => "open",
        TaskState.Solved => "solved",
        TaskState.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static TaskState ToTaskState(string text) => text switch
    {
        "open" => TaskState.Open,
        "solved" => TaskState.Solved,
        "skipped" => TaskState.Skipped,
        _ => throw Unknown("task", text),
    };

    public static string ToSql(this AttemptState state) => state switch
    {
        AttemptState.Started => "started",
        AttemptState.Finished => "finished",
        AttemptState.Verified => "verified",
        AttemptState.Landed => "landed",
        AttemptState.Rejected => "rejected",
        AttemptState.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static AttemptState ToAttemptState(string text) => text switch
    {
        "started" => AttemptState.Started,
        "finished" => AttemptState.Finished,
        "verified" => AttemptState.Verified,
        "landed" => AttemptState.Landed,
        "rejected" => AttemptState.Rejected,
        "abandoned" => AttemptState.Abandoned,
        _ => throw Unknown("attempt", text),
    };

    private static InvalidOperationException Unknown(string what, string text) =>
        new($"The journal holds an unknown {what} state '{text}'.");
}
