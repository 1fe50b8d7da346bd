namespace Nightshift.Configuration;

/// <summary>
/// How to tell that a restarted service is up (<c>crash.service.health</c>): a command that exits zero,
/// or an http(s) URL that answers 2xx.
/// </summary>
public abstract record HealthCheck
{
    private HealthCheck()
    {
    }

    public sealed record Command(ConfiguredCommand Run) : HealthCheck;

    public sealed record Http(Uri Url) : HealthCheck;
}
