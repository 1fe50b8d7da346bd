using System.Security.Cryptography;

namespace Nightshift.Configuration;

/// <summary>
/// What a session records of the configuration it ran with (<c>sessions.config_hash</c>): the first 16 hex digits of the
/// SHA-256 of nightshift.yml as written, so that two sessions can be told to have run with the same file or not.
/// </summary>
public static class ConfigHash
{
    public static string Of(NightshiftConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var bytes = File.Exists(config.FilePath) ? File.ReadAllBytes(config.FilePath) : [];
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
    }
}
