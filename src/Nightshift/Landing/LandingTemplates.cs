using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Nightshift.Landing;

/// <summary>Renders the landing templates: tickets such as <c>NS-{n:0000}</c> (→ NS-0007) and branch templates such as <c>nightshift/{date}-{time}</c>.</summary>
public static partial class LandingTemplates
{
    /// <summary>The ticket for <paramref name="number"/>.</summary>
    /// <exception cref="NightshiftException">The template has no <c>{n}</c>, another placeholder, or a bad number format.</exception>
    public static string RenderTicket(string template, long number)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!NumberPlaceholder().IsMatch(template) || NumberPlaceholder().Replace(template, "").IndexOfAny(['{', '}']) >= 0)
        {
            throw new NightshiftException(
                $"landing.ticket '{template}' must contain {{n}} (or {{n:0000}} for zero padding) and no other placeholder.");
        }

        try
        {
            return NumberPlaceholder().Replace(
                template, match => number.ToString(match.Groups["format"].Value is { Length: > 0 } format ? format : "0", CultureInfo.InvariantCulture));
        }
        catch (FormatException e)
        {
            throw new NightshiftException($"landing.ticket '{template}' has a number format .NET cannot use: {e.Message}", innerException: e);
        }
    }

    /// <summary>
    /// The branch name of session <paramref name="sessionId"/> started at <paramref name="localStart"/> (the local time):
    /// <c>{date}</c> → yyyy-MM-dd, <c>{time}</c> → HHmm, <c>{session}</c> → the session id.
    /// </summary>
    /// <exception cref="NightshiftException">The template has another placeholder.</exception>
    public static string RenderBranch(string template, DateTime localStart, long sessionId)
    {
        ArgumentNullException.ThrowIfNull(template);
        var name = template
            .Replace("{date}", localStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{time}", localStart.ToString("HHmm", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{session}", sessionId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return name.IndexOfAny(['{', '}']) < 0
            ? name
            : throw new NightshiftException($"landing.branch '{template}' may use only the placeholders {{date}}, {{time}} and {{session}}.");
    }

    /// <summary>
    /// The highest number of a ticket of <paramref name="template"/>'s form in <paramref name="texts"/> (e.g. 627 for
    /// DEPYLER-0627 with <c>DEPYLER-{n:0000}</c>), or null when there is none. A template without a letter beside its number
    /// (<c>{n}</c>, <c>#{n}</c>) finds nothing: any number, or every pull request's #123, would pass for a ticket.
    /// </summary>
    public static long? HighestTicket(string template, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(texts);
        if (!NumberPlaceholder().Replace(template, "").Any(char.IsLetter))
        {
            return null;
        }

        var pattern = new Regex(TicketPattern(template), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        long? highest = null;
        foreach (var match in texts.SelectMany(text => pattern.Matches(text)))
        {
            if (long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > (highest ?? -1))
            {
                highest = number;
            }
        }

        return highest;
    }

    // NS-{n:0000} → (?<![\p{L}\p{N}])NS-(?<n>[0-9]+)(?![\p{L}\p{N}]): a ticket, not the tail of a longer word or number.
    private static string TicketPattern(string template)
    {
        var pattern = new StringBuilder(@"(?<![\p{L}\p{N}])");
        var end = 0;
        foreach (Match placeholder in NumberPlaceholder().Matches(template))
        {
            pattern.Append(Regex.Escape(template[end..placeholder.Index])).Append("(?<n>[0-9]+)");
            end = placeholder.Index + placeholder.Length;
        }

        return pattern.Append(Regex.Escape(template[end..])).Append(@"(?![\p{L}\p{N}])").ToString();
    }

    [GeneratedRegex(@"\{n(?::(?<format>[^{}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPlaceholder();
}
