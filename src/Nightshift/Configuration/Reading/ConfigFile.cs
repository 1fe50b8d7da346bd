namespace Nightshift.Configuration.Reading;

/// <summary>Reads a configuration file's text, turning the ways that fails into a <see cref="ConfigException"/> that says how to fix it.</summary>
internal static class ConfigFile
{
    /// <param name="path">The file.</param>
    /// <param name="whenMissing">What to do when it does not exist, as a sentence ("Run 'nightshift init' ...").</param>
    /// <exception cref="ConfigException">The file is missing or unreadable.</exception>
    public static string ReadText(string path, string whenMissing)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigException($"{path} does not exist. {whenMissing}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path} cannot be read: {e.Message}");
        }
    }
}
