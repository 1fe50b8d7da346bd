namespace Nightshift.Store;

/// <summary>
/// A landing in flight: the lander is about to commit (or has committed) attempt <paramref name="AttemptId"/> as
/// <paramref name="Ticket"/> on top of <paramref name="ParentSha"/> on <paramref name="Branch"/>.
/// </summary>
/// <param name="AttemptId">The verified attempt being landed.</param>
/// <param name="SessionId">The session that lands it.</param>
/// <param name="Counter">The ticket counter the number came from (e.g. "ticket").</param>
/// <param name="TicketNumber">The number reserved for this landing.</param>
/// <param name="Ticket">The rendered ticket, e.g. NS-0007.</param>
/// <param name="Branch">The session branch (short name).</param>
/// <param name="ParentSha">The branch tip the commit is made on.</param>
public sealed record LandingIntent(
    long AttemptId, long SessionId, string Counter, long TicketNumber, string Ticket, string Branch, string ParentSha);
