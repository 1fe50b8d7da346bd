namespace Nightshift.Attempts;

/// <summary>What an agent changed: the patch (<c>git diff</c>, a/ b/ prefixes) and the paths it touches.</summary>
public sealed record AttemptChange(string Patch, IReadOnlyList<string> ChangedPaths)
{
    public bool IsEmpty => ChangedPaths.Count == 0;
}
