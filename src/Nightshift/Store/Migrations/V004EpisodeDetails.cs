namespace Nightshift.Store.Migrations;

/// <summary>
/// An episode is everything a later training run needs to learn from one attempt, kept even when the
/// transcript files are pruned: the diagnostics before and after, the transcript, the model and the
/// step counts. The diff and the verdict stay on the attempt. Episodes are read by time and outcome
/// (<c>nightshift episodes export</c>) and grouped by task (the dataset builder).
/// </summary>
internal static class V004EpisodeDetails
{
    public static Migration Migration { get; } = new(4, "episode details", """
        ALTER TABLE episodes ADD COLUMN model TEXT;
        ALTER TABLE episodes ADD COLUMN diagnostics_before_json TEXT;
        ALTER TABLE episodes ADD COLUMN diagnostics_after_json TEXT;
        ALTER TABLE episodes ADD COLUMN transcript_json TEXT;
        ALTER TABLE episodes ADD COLUMN steps INTEGER;
        ALTER TABLE episodes ADD COLUMN steps_to_green INTEGER;
        CREATE INDEX episodes_by_time ON episodes (created_at, id);
        """);
}
