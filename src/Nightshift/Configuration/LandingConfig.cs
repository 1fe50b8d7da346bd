using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Configuration;

/// <summary>Where accepted fixes land (<c>landing</c>).</summary>
public sealed partial record LandingConfig
{
    /// <summary>The session branch; <see cref="BranchPlaceholders"/> are replaced when the session starts.</summary>
    public string Branch { get; init; } = "nightshift/{date}";

    /// <summary>The ticket of each commit: <c>{n}</c> is the fix's number, <c>{n:0000}</c> pads it with zeros.</summary>
    public string Ticket { get; init; } = "NS-{n:0000}";

    /// <summary>
    /// The first fix's number; a later one is used when the session branch's history already has tickets of
    /// <see cref="Ticket"/>'s form (the highest found + 1), or when the journal has counted further.
    /// </summary>
    public int TicketStart { get; init; } = 1;

    public PendingChanges Pending { get; init; } = PendingChanges.Refuse;

    public bool Push { get; init; }

    public string Remote { get; init; } = "origin";

    /// <summary>
    /// Opens or updates one pull request per session branch after the night (<c>landing.pull_request</c>), with the
    /// morning report as its body; it needs <see cref="Push"/>, which puts the branch on the remote.
    /// </summary>
    public PullRequestHost PullRequest { get; init; } = PullRequestHost.None;

    /// <summary><c>{date}</c>: yyyy-MM-dd; <c>{time}</c>: HHmm; <c>{session}</c>: the session id.</summary>
    public static IReadOnlyList<string> BranchPlaceholders { get; } = ["{date}", "{time}", "{session}"];

    /// <summary>The ticket for fix number <paramref name="number"/>, e.g. <c>NS-0042</c>.</summary>
    public string FormatTicket(int number) => TicketNumber().Replace(Ticket, match =>
        number.ToString(match.Groups["pad"].Success ? match.Groups["pad"].Value : "0", CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\{n(?::(?<pad>0+))?\}")]
    internal static partial Regex TicketNumber();
}
