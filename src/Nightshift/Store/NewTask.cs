namespace Nightshift.Store;

/// <summary>
/// A task to journal. <see cref="Kind"/> and <see cref="Key"/> identify it within a session (e.g.
/// "cluster" / "rustc:E0308"), so journaling the same task twice (on resume) finds the first row.
/// </summary>
public sealed record NewTask(string Kind, string Key, string Title, string? PayloadJson = null);
