using System.Globalization;
using System.Text.RegularExpressions;
using Nightshift.Configuration;
using Nightshift.Configuration.Reading;

namespace Nightshift.Workloads.Bench.Suites;

/// <summary>
/// Turns the YAML tree of a suite file into a <see cref="BenchSuite"/> with the configuration's reader, so
/// suite errors are as precise as nightshift.yml's; one partial file per part of the format.
/// </summary>
internal sealed partial class SuiteReader
{
    public const int SupportedVersion = 1;

    private static readonly string[] _rootKeys = ["version", "name", "repeat", "agents", "defaults", "tasks", "timeline"];

    private readonly ConfigErrors _errors;
    private readonly string _filePath;
    private readonly string _directory;

    private SuiteReader(string file)
    {
        _errors = new ConfigErrors(file);
        _filePath = Path.GetFullPath(file);
        _directory = Path.GetDirectoryName(_filePath)!;
    }

    /// <exception cref="ConfigException">With every problem found.</exception>
    public static BenchSuite Read(string text, string file) => new SuiteReader(file).Read(text);

    private BenchSuite Read(string text)
    {
        var root = MappingReader.ParseRoot(
            text,
            _errors,
            _rootKeys,
            whenEmpty: "missing; the file is empty. A suite starts with 'version: 1' and lists its tasks",
            expected: "a mapping (version: 1, tasks: ..., ...)");
        ReadVersion(root);
        var repeat = root.Integer("repeat", 1) ?? 1;
        var tasks = ReadTasks(root);
        var suite = new BenchSuite(
            _filePath,
            root.Text("name") ?? Path.GetFileNameWithoutExtension(_filePath),
            tasks,
            ReadAgents(root))
        {
            Repeat = repeat,
            Timeline = ReadTimeline(root, tasks, repeat),
        };

        return _errors.Count == 0 ? suite : throw new ConfigException(_errors.All);
    }

    private void ReadVersion(MappingReader root)
    {
        string[] accepted = [SupportedVersion.ToString(CultureInfo.InvariantCulture)];
        if (root.Node("version") is not { } node)
        {
            root.Missing("version", "a suite starts with 'version: 1', the format it is written in", accepted);
            return;
        }

        if (Values.Integer(_errors, node, "version", int.MinValue) is { } value && value != SupportedVersion)
        {
            _errors.Add(node, "version", $"version {value} is not supported; this Nightshift reads suite version {SupportedVersion}", accepted);
        }
    }

    /// <summary>A path from the suite that must exist: made absolute against the suite's directory.</summary>
    private string? ExistingPath(MappingReader section, string key, bool? directory)
    {
        if (section.Text(key) is not { } text)
        {
            return null;
        }

        var full = Path.GetFullPath(text, _directory);
        var exists = directory switch
        {
            true => Directory.Exists(full),
            false => File.Exists(full),
            null => Directory.Exists(full) || File.Exists(full),
        };
        if (!exists)
        {
            var what = directory switch { true => "directory", false => "file", null => "file or directory" };
            section.Problem(key, $"no {what} at {full} (paths are relative to the suite file)");
            return null;
        }

        return full;
    }

    /// <summary>Names that become parts of file names (task ids, agent names).</summary>
    private bool IsFileSafe(ConfigNode node, string path, string name, string what)
    {
        if (FileSafeName().IsMatch(name))
        {
            return true;
        }

        _errors.Add(node, path, $"'{name}' cannot be {what}: use letters, digits, '.', '_' and '-', starting with a letter or digit");
        return false;
    }

    /// <summary>A path inside the workspace: relative and never climbing out of it.</summary>
    private bool IsInsideWorkspace(ConfigNode node, string path, string value)
    {
        if (!Path.IsPathRooted(value) && !value.Replace('\\', '/').Split('/').Contains(".."))
        {
            return true;
        }

        _errors.Add(node, path, $"'{value}' must be a path relative to the workspace, without '..'");
        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex FileSafeName();
}
