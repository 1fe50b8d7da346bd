using Nightshift.Workspaces;

namespace Nightshift.Landing;

/// <summary>What became of a landing.</summary>
public abstract record LandingResult
{
    private LandingResult()
    {
    }

    /// <summary>One commit <paramref name="Sha"/> with ticket <paramref name="Ticket"/> is on the session branch and in the journal.</summary>
    public sealed record Landed(string Ticket, string Sha, string Branch, string Message) : LandingResult;

    /// <summary>
    /// The session branch moved (another worker landed) and the patch was replayed on the new tip in
    /// <paramref name="Workspace"/>. The caller re-verifies there and lands that workspace; it owns (disposes) both
    /// workspaces. Nothing was committed and no ticket number was used.
    /// </summary>
    public sealed record NeedsReverification(Workspace Workspace, string PreviousBase) : LandingResult;

    /// <summary>The branch moved and the patch does not apply on its new tip <paramref name="BranchTip"/>; nothing was committed.</summary>
    public sealed record Conflicted(string BranchTip, string Details) : LandingResult;

    /// <summary>The workspace holds no change against its base; nothing was committed.</summary>
    public sealed record NothingToLand : LandingResult;
}
