namespace Nightshift.Configuration.Reading;

/// <summary>
/// Turns the YAML tree of nightshift.yml into a <see cref="NightshiftConfig"/>, validating every value and
/// collecting every problem; one partial file per group of sections.
/// </summary>
internal sealed partial class ConfigReader
{
    private static readonly string[] _rootKeys =
        ["version", "probe", "tests", "build", "agent", "limits", "landing", "policy", "workspace", "bench", "learn", "crash", "sandbox"];

    private readonly ConfigErrors _errors;
    private readonly string _filePath;
    private readonly string _repositoryRoot;
    private readonly bool _checkMachine;

    private ConfigReader(string file, bool checkMachine)
    {
        _checkMachine = checkMachine;
        _errors = new ConfigErrors(file);
        _filePath = Path.GetFullPath(file);
        _repositoryRoot = Path.GetDirectoryName(_filePath)!;
    }

    /// <summary>Reads and validates <paramref name="text"/>; <paramref name="file"/> names it in errors and anchors relative paths.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file it came from.</param>
    /// <param name="checkMachine">Also check that the probe's programs are on PATH and its corpus globs match files.</param>
    /// <exception cref="ConfigException">With every problem found.</exception>
    public static NightshiftConfig Read(string text, string file, bool checkMachine = false) => new ConfigReader(file, checkMachine).Read(text);

    private NightshiftConfig Read(string text)
    {
        var root = MappingReader.ParseRoot(
            text,
            _errors,
            _rootKeys,
            whenEmpty: "missing; the file is empty. Start it with 'version: 1', or run 'nightshift init' to write a commented one",
            expected: "a mapping of sections (version: 1, probe: ..., ...)");
        var config = new NightshiftConfig
        {
            FilePath = _filePath,
            RepositoryRoot = _repositoryRoot,
            Version = ReadVersion(root),
            Probe = ReadProbe(root),
            Tests = ReadTests(root),
            Build = ReadBuild(root),
            Agent = ReadAgent(root),
            Limits = ReadLimits(root),
            Landing = ReadLanding(root),
            Policy = ReadPolicy(root),
            Workspace = ReadWorkspace(root),
            Bench = ReadBench(root),
            Learn = ReadLearn(root),
            Crash = ReadCrash(root),
            Sandbox = ReadSandbox(root),
        };

        return _errors.Count == 0 ? config : throw new ConfigException(_errors.All);
    }

    private int ReadVersion(MappingReader root)
    {
        string[] accepted = [NightshiftConfig.SupportedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (root.Node("version") is not { } node)
        {
            root.Missing("version", "nightshift.yml starts with 'version: 1', the format it is written in", accepted);
            return NightshiftConfig.SupportedVersion;
        }

        var version = Values.Integer(_errors, node, "version", int.MinValue);
        if (version is { } value && value != NightshiftConfig.SupportedVersion)
        {
            _errors.Add(node, "version", $"version {value} is not supported; this Nightshift reads version {NightshiftConfig.SupportedVersion}", accepted);
        }

        return NightshiftConfig.SupportedVersion;
    }

    /// <summary>
    /// Checks that a path the configuration names already exists, as a file, a directory, or either; else a
    /// problem at the key, with <paramref name="hint"/> (what the key should name) appended.
    /// </summary>
    private void RequireExisting(MappingReader section, string key, string? path, PathKind kind, string? hint = null)
    {
        if (path is null)
        {
            return;
        }

        var full = Path.GetFullPath(path, _repositoryRoot);
        var exists = kind switch
        {
            PathKind.File => File.Exists(full),
            PathKind.Directory => Directory.Exists(full),
            _ => File.Exists(full) || Directory.Exists(full),
        };
        if (!exists)
        {
            var what = kind switch { PathKind.File => "file", PathKind.Directory => "directory", _ => "file or directory" };
            section.Problem(key, $"no {what} at {full}{(hint is null ? "" : "; " + hint)}");
        }
    }

    private enum PathKind
    {
        File,
        Directory,
        FileOrDirectory,
    }
}
