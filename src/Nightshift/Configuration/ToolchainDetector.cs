using System.Text.Json;
using Nightshift.Diagnostics;
using Nightshift.Files;
using Nightshift.Testing;

namespace Nightshift.Configuration;

/// <summary>
/// Recognises a project's toolchain from the files at its root. The first match wins, most specific first:
/// a Rust crate with a Makefile is a Rust crate; a CMake project's Makefile is usually generated.
/// </summary>
public static class ToolchainDetector
{
    private const string TestResultsDirectory = NightshiftPaths.TestResultsFolder;

    private static readonly string[] _dotnetPatterns = ["*.slnx", "*.sln", "*.csproj", "*.fsproj"];
    private static readonly string[] _pythonMarkers = ["pyproject.toml", "setup.cfg", "setup.py"];
    private static readonly string[] _makeFiles = ["Makefile", "makefile", "GNUmakefile"];

    /// <summary>The toolchain of the project in <paramref name="directory"/>, or null when none is recognised.</summary>
    public static Toolchain? Detect(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return Cargo(directory) ?? Dotnet(directory) ?? Node(directory) ?? Python(directory) ?? CMake(directory) ?? Make(directory);
    }

    /// <summary>The marker files <see cref="Detect"/> looks for, for messages.</summary>
    public static IReadOnlyList<string> Markers { get; } =
        ["Cargo.toml", "*.slnx", "*.sln", "*.csproj", "package.json with tsconfig.json", "pyproject.toml", "setup.cfg", "setup.py", "CMakeLists.txt", "Makefile"];

    private static Toolchain? Cargo(string directory) => !Exists(directory, "Cargo.toml") ? null : new Toolchain
    {
        Name = "cargo",
        Evidence = "Cargo.toml",
        Probe = Argv("cargo", "check", "--message-format=json"),
        ProbeFormat = DiagnosticFormat.CargoJson,
        Tests = Argv("cargo", "test"),
        TestFormat = TestFormat.CargoTest,
        Build = Argv("cargo", "build"),
    };

    private static Toolchain? Dotnet(string directory)
    {
        var candidates = _dotnetPatterns
            .Select(pattern => Directory.GetFiles(directory, pattern).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray())
            .FirstOrDefault(found => found.Length > 0);
        if (candidates is null)
        {
            return null;
        }

        // Naming the file keeps MSBuild from stopping at "more than one project or solution file".
        var target = candidates[0]!;
        return new Toolchain
        {
            Name = "dotnet",
            Evidence = target,
            // A full rebuild reports every warning, not only those of the projects that changed.
            Probe = Argv("dotnet", "build", target, "--no-incremental", "-nologo", "-clp:NoSummary"),
            ProbeFormat = DiagnosticFormat.MSBuild,
            Tests = Argv("dotnet", "test", target, "--logger", "trx", "--results-directory", TestResultsDirectory),
            TestFormat = TestFormat.Trx,
            TestResults = $"{TestResultsDirectory}/*.trx",
            Build = Argv("dotnet", "build", target),
            Notes = candidates.Length > 1 ? [$"Several candidates were found ({string.Join(", ", candidates)}); {target} was chosen."] : [],
        };
    }

    private static Toolchain? Node(string directory)
    {
        if (!Exists(directory, "package.json") || !Exists(directory, "tsconfig.json"))
        {
            return null;
        }

        var scripts = NpmScripts(Path.Combine(directory, "package.json"));
        var hasTests = scripts.TryGetValue("test", out var test) && !test.Contains("no test specified", StringComparison.Ordinal);
        return new Toolchain
        {
            Name = "node",
            Evidence = "package.json and tsconfig.json",
            Probe = Argv("npx", "tsc", "--noEmit"),
            ProbeFormat = DiagnosticFormat.Tsc,
            Tests = hasTests ? Argv("npm", "test") : null,
            TestFormat = TestFormat.ExitCode,
            Build = scripts.ContainsKey("build") ? Argv("npm", "run", "build") : null,
            Notes = hasTests ? [] : ["package.json has no test script, so the tests section is left as an example."],
        };
    }

    private static Toolchain? Python(string directory)
    {
        var marker = _pythonMarkers.FirstOrDefault(m => Exists(directory, m));
        return marker is null ? null : new Toolchain
        {
            Name = "python",
            Evidence = marker,
            // Hidden directories (.venv, .git, .tox) and installed packages are not ours to fix.
            Probe = Argv("python3", "-m", "compileall", "-q", "-x", @"/\.|/(venv|env|node_modules|site-packages)/", "."),
            ProbeFormat = DiagnosticFormat.Python,
            Tests = Argv("python3", "-m", "pytest", $"--junitxml={TestResultsDirectory}/junit.xml"),
            TestFormat = TestFormat.JUnit,
            TestResults = $"{TestResultsDirectory}/junit.xml",
        };
    }

    private static Toolchain? CMake(string directory) => !Exists(directory, "CMakeLists.txt") ? null : new Toolchain
    {
        Name = "cmake",
        Evidence = "CMakeLists.txt",
        // Configuring is idempotent; --clean-first makes every warning appear on every probe.
        Probe = ConfiguredCommand.Shell("cmake -S . -B build && cmake --build build --clean-first"),
        ProbeFormat = DiagnosticFormat.Gcc,
        Tests = Argv("ctest", "--test-dir", "build", "--output-on-failure"),
        TestFormat = TestFormat.ExitCode,
        Build = ConfiguredCommand.Shell("cmake -S . -B build && cmake --build build"),
    };

    private static Toolchain? Make(string directory) =>
        !_makeFiles.Any(m => Exists(directory, m)) ? null : new Toolchain
        {
            Name = "make",
            Evidence = "Makefile",
            // -B rebuilds everything so unchanged files still report their warnings; -k reports every failure.
            Probe = Argv("make", "-k", "-B"),
            ProbeFormat = DiagnosticFormat.Gcc,
            Tests = Argv("make", "test"),
            TestFormat = TestFormat.ExitCode,
            Build = Argv("make"),
        };

    private static Dictionary<string, string> NpmScripts(string packageJson)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
            return document.RootElement.TryGetProperty("scripts", out var scripts) && scripts.ValueKind == JsonValueKind.Object
                ? scripts.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
                : [];
        }
        catch (JsonException)
        {
            // A broken package.json is the project's business; init still writes a configuration.
            return [];
        }
    }

    private static bool Exists(string directory, string name) => File.Exists(Path.Combine(directory, name));

    private static ConfiguredCommand Argv(params string[] arguments) => ConfiguredCommand.Argv(arguments);
}
