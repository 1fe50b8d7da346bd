using System.Security.Cryptography;
using System.Text;
using Nightshift.Configuration;
using Nightshift.Configuration.Reading;

namespace Nightshift.Workloads.Bench.Suites;

/// <summary>
/// Reads a bench suite file. Validated up front like nightshift.yml, with every problem reported at once
/// as <c>suite.yml:12:5: tasks[2].timeout: ...</c>, so that a bench never fails an hour in on a typo.
/// </summary>
public static class SuiteLoader
{
    /// <exception cref="ConfigException">The file is missing, unreadable or invalid.</exception>
    public static BenchSuite Load(string path) =>
        LoadText(ConfigFile.ReadText(path, "Give the path of a bench suite, such as examples/bench/rust.yml."), path);

    /// <summary>Reads suite text as if it were the file <paramref name="fileName"/>, whose directory anchors relative paths.</summary>
    /// <exception cref="ConfigException">The text is not a valid suite.</exception>
    public static BenchSuite LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var suite = SuiteReader.Read(text, fileName);
        return suite with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))) };
    }
}
