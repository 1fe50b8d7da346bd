namespace Nightshift.Configuration;

/// <summary>Writes a new nightshift.yml for the project in the file's directory (<c>nightshift init</c>).</summary>
public static class ConfigInitializer
{
    /// <summary>
    /// Detects the toolchain in <paramref name="path"/>'s directory and writes the commented configuration there.
    /// An existing file is replaced only with <paramref name="overwrite"/>.
    /// </summary>
    /// <exception cref="ConfigException">The file exists (without <paramref name="overwrite"/>) or cannot be written.</exception>
    public static InitResult Initialize(string path, bool overwrite)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
        {
            throw new ConfigException($"Cannot write {fullPath}: the directory {directory} does not exist.");
        }

        if (File.Exists(fullPath) && !overwrite)
        {
            throw AlreadyExists(fullPath);
        }

        var toolchain = ToolchainDetector.Detect(directory);
        var text = ConfigTemplate.Render(toolchain);

        // A template that does not load is our bug; better to fail here than to hand it to the user.
        ConfigLoader.LoadText(text, fullPath);

        try
        {
            // CreateNew closes the gap between the existence check above and the write.
            using var file = new FileStream(fullPath, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file);
            writer.Write(text);
        }
        catch (IOException) when (!overwrite && File.Exists(fullPath))
        {
            throw AlreadyExists(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"Cannot write {fullPath}: {e.Message}");
        }

        return new InitResult(fullPath, toolchain);
    }

    private static ConfigException AlreadyExists(string path) =>
        new($"{path} already exists; nothing was written. Use 'nightshift init --force' to replace it.");
}
