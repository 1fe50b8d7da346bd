using Nightshift.Configuration;

namespace Nightshift.Verification;

public abstract partial record RejectionReason
{
    /// <summary>The diff touches a file one of <see cref="PolicyConfig.Protected"/>'s globs covers.</summary>
    public sealed record ProtectedPathChanged(string Path, string Glob) : RejectionReason
    {
        public override string Message => $"{Path} changed: it is protected by '{Glob}'";
    }

    /// <summary>An added line silences a diagnostic or a test (<see cref="SuppressionMarkers"/>).</summary>
    public sealed record SuppressionAdded(string File, int Line, string Text, string Marker) : RejectionReason
    {
        public override string Message => $"{File}:{Line} adds a suppression ({Marker}): {Sentences.Clip(Text.Trim())}";
    }

    /// <summary>More added plus removed lines than <see cref="PolicyConfig.MaxDiffLines"/>.</summary>
    public sealed record DiffTooLarge(int Lines, int Max) : RejectionReason
    {
        public override string Message => $"the diff changes {Lines} lines, more than the {Max} allowed";
    }

    /// <summary>
    /// The change leaves binary content in a file (git found a NUL byte, or the file's attributes say binary): git shows
    /// no lines for it, so the suppression and size rules could not read it. A fix for a diagnostic is text.
    /// </summary>
    public sealed record BinaryContent(string Path) : RejectionReason
    {
        public override string Message =>
            $"{Path} became binary (a NUL byte or a binary attribute): the policy reads only text, so it rejects binary content";
    }

    /// <summary>The change makes a symbolic link whose target is absolute, climbs out of the repository, or enters a .git folder.</summary>
    public sealed record SymlinkOutside(string Path, string Target) : RejectionReason
    {
        public override string Message => $"{Path} is a symbolic link to {Sentences.Clip(Target)}, outside the repository (or into .git): a fix may only link within it";
    }
}
