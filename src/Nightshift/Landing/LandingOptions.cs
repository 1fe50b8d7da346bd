namespace Nightshift.Landing;

/// <summary>The <c>landing.*</c> settings: where accepted fixes go and how they are named.</summary>
public sealed record LandingOptions
{
    /// <summary>
    /// The session branch name; <c>{date}</c> and <c>{time}</c> become the local date (yyyy-MM-dd) and time (HHmm) the
    /// session starts, because a person thinks of "tonight's run" in their own time zone, and <c>{session}</c> the journal's
    /// session id. An existing name gets a suffix (-2, -3...) unless resuming.
    /// </summary>
    public string Branch { get; init; } = "nightshift/{date}";

    /// <summary>The ticket of each landed commit; <c>{n}</c> or <c>{n:0000}</c> is the journal's ticket number.</summary>
    public string Ticket { get; init; } = "NS-{n:0000}";

    /// <summary>
    /// The lowest ticket number: the first fix gets the highest of this, the highest ticket of <see cref="Ticket"/>'s form
    /// on the session branch's history + 1, and the journal's counter + 1.
    /// </summary>
    public long TicketStart { get; init; } = 1;

    /// <summary>The journal counter ticket numbers come from; shared by every session of the repository.</summary>
    public string TicketCounter { get; init; } = "ticket";

    public PendingWork PendingWork { get; init; } = PendingWork.Refuse;

    /// <summary>Push the session branch to <see cref="Remote"/> after each landing (in the background, never forced).</summary>
    public bool Push { get; init; }

    public string Remote { get; init; } = "origin";

    public int PushAttempts { get; init; } = 3;

    /// <summary>The pause after the first failed push; it doubles after each further failure.</summary>
    public TimeSpan PushRetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}
