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
}
