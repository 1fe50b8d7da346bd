using Nightshift.Configuration.Reading;

namespace Nightshift.Configuration;

/// <summary>
/// Reads nightshift.yml. Everything is validated up front and every problem is reported at once, each
/// with its file, line, column and key, so that a night never fails at 3 a.m. on a typo.
/// </summary>
public static class ConfigLoader
{
    public const string FileName = "nightshift.yml";

    /// <exception cref="ConfigException">The file is missing, unreadable or invalid.</exception>
    public static NightshiftConfig Load(string path) =>
        LoadText(ConfigFile.ReadText(path, "Run 'nightshift init' in the repository to write one."), path);

    /// <summary>Reads configuration text as if it were the file <paramref name="fileName"/>, whose directory anchors relative paths.</summary>
    /// <exception cref="ConfigException">The text is not a valid configuration.</exception>
    public static NightshiftConfig LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return ConfigReader.Read(text, fileName);
    }
}
