using System.Globalization;
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

    [GeneratedRegex(@"\{n(?::(?<format>[^{}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPlaceholder();
}
