using Nightshift.Configuration.Reading;

namespace Nightshift.Configuration;

/// <summary>
/// Reads nightshift.yml. Everything is validated up front and every problem is reported at once, each
/// with its file, line, column and key, so that a night never fails at 3 a.m. on a typo.
/// </summary>
public static class ConfigLoader
{
    public const string FileName = "nightshift.yml";

    /// <summary>
    /// Reads the file and checks it against this machine too: the probe's programs must be on PATH and its corpus
    /// globs must match files of the checkout.
    /// </summary>
    /// <exception cref="ConfigException">The file is missing, unreadable or invalid.</exception>
    public static NightshiftConfig Load(string path) =>
        ConfigReader.Read(ConfigFile.ReadText(path, "Run 'nightshift init' in the repository to write one."), path, checkMachine: true);

    /// <summary>
    /// Reads configuration text as if it were the file <paramref name="fileName"/>, whose directory anchors relative paths.
    /// Unlike <see cref="Load"/>, it does not look for the probe's programs or corpus files.
    /// </summary>
    /// <exception cref="ConfigException">The text is not a valid configuration.</exception>
    public static NightshiftConfig LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return ConfigReader.Read(text, fileName);
    }
}
