namespace Nightshift.Verification;

/// <summary>What a diff does to one file, as git's extended headers say.</summary>
public enum FileChangeKind
{
    Modified,
    Added,
    Deleted,
    Renamed,
    Copied,
}
