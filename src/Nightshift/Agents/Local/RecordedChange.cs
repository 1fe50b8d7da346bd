namespace Nightshift.Agents.Local;

/// <summary>One recorded step the replay agent plays back.</summary>
public abstract record RecordedChange
{
    private protected RecordedChange()
    {
    }
}

/// <summary>A unified diff, applied with <c>git apply</c> in the worktree.</summary>
public sealed record RecordedPatch(string Patch) : RecordedChange;

/// <summary>A whole file written (a <c>write_file</c> tool call): worktree-relative path and content.</summary>
public sealed record RecordedWrite(string Path, string Content) : RecordedChange;
