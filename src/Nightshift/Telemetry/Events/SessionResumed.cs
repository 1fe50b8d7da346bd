using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Nightshift.Telemetry.Events;

/// <summary>An earlier session was taken up again: landings recovered, stale worktrees pruned.</summary>
[EventKind("session.resumed")]
public sealed record SessionResumed : SessionOpened
{
    [JsonConstructor]
    public SessionResumed()
    {
    }

    /// <summary>The same findings, journaled as a resumption.</summary>
    [SetsRequiredMembers]
    public SessionResumed(SessionOpened opened)
        : base(opened)
    {
    }
}
