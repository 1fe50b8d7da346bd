namespace Nightshift.Store.Migrations;

/// <summary>
/// The sandbox a session's worktree commands ran in (issue 14): bubblewrap, or off when the user ran them unconfined,
/// so the morning report can say so. Null for sessions journaled before it was recorded.
/// </summary>
internal static class V005SessionSandbox
{
    public static Migration Migration { get; } = new(5, "session sandbox", """
        ALTER TABLE sessions ADD COLUMN sandbox TEXT;
        """);
}
