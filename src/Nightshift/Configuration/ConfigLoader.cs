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
    public static NightshiftConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigException($"{path} does not exist. Run 'nightshift init' in the repository to write one.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path} cannot be read: {e.Message}");
        }

        return LoadText(text, path);
    }

    /// <summary>Reads configuration text as if it were the file <paramref name="fileName"/>, whose directory anchors relative paths.</summary>
    /// <exception cref="ConfigException">The text is not a valid configuration.</exception>
    public static NightshiftConfig LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return ConfigReader.Read(text, fileName);
    }
}
