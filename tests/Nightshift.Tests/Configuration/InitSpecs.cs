using System.Text.Json;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Testing;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Configuration;

public sealed class InitSpecs
{
    [Theory(Timeout = 30_000)]
    [InlineData("Cargo.toml", "cargo", "cargo check --message-format=json", DiagnosticFormat.CargoJson, "cargo test", TestFormat.CargoTest, "cargo build")]
    [InlineData("App.sln", "dotnet", "dotnet build App.sln --no-incremental -nologo -clp:NoSummary", DiagnosticFormat.MSBuild,
        "dotnet test App.sln --logger trx --results-directory .nightshift/test-results", TestFormat.Trx, "dotnet build App.sln")]
    [InlineData("App.slnx", "dotnet", "dotnet build App.slnx --no-incremental -nologo -clp:NoSummary", DiagnosticFormat.MSBuild,
        "dotnet test App.slnx --logger trx --results-directory .nightshift/test-results", TestFormat.Trx, "dotnet build App.slnx")]
    [InlineData("Lib.csproj", "dotnet", "dotnet build Lib.csproj --no-incremental -nologo -clp:NoSummary", DiagnosticFormat.MSBuild,
        "dotnet test Lib.csproj --logger trx --results-directory .nightshift/test-results", TestFormat.Trx, "dotnet build Lib.csproj")]
    [InlineData("package.json tsconfig.json", "node", "npx tsc --noEmit", DiagnosticFormat.Tsc, "npm test", TestFormat.ExitCode, "npm run build")]
    [InlineData("pyproject.toml", "python", @"python3 -m compileall -q -x /\.|/(venv|env|node_modules|site-packages)/ .", DiagnosticFormat.Python,
        "python3 -m pytest --junitxml=.nightshift/test-results/junit.xml", TestFormat.JUnit, null)]
    [InlineData("setup.cfg", "python", @"python3 -m compileall -q -x /\.|/(venv|env|node_modules|site-packages)/ .", DiagnosticFormat.Python,
        "python3 -m pytest --junitxml=.nightshift/test-results/junit.xml", TestFormat.JUnit, null)]
    [InlineData("Makefile", "make", "make -k -B", DiagnosticFormat.Gcc, "make test", TestFormat.ExitCode, "make")]
    [InlineData("CMakeLists.txt Makefile", "cmake", "cmake -S . -B build && cmake --build build --clean-first", DiagnosticFormat.Gcc,
        "ctest --test-dir build --output-on-failure", TestFormat.ExitCode, "cmake -S . -B build && cmake --build build")]
    [InlineData("Cargo.toml Makefile", "cargo", "cargo check --message-format=json", DiagnosticFormat.CargoJson, "cargo test", TestFormat.CargoTest, "cargo build")]
    public async Task Init_detects_the_toolchain_and_writes_a_configuration_that_loads(
        string markers, string toolchain, string probe, DiagnosticFormat probeFormat, string tests, TestFormat testFormat, string? build)
    {
        using var repository = new TempDir("init");
        foreach (var marker in markers.Split(' '))
        {
            repository.Write(marker, marker == "package.json" ? """{ "scripts": { "test": "jest", "build": "tsc" } }""" : "");
        }

        var run = await Cli.RunAsync(repository.Path, "init");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Be($"Wrote {repository["nightshift.yml"]} for a {toolchain} project (probe: {probe}). Check it with 'nightshift config'.\n");
        var config = ConfigLoader.Load(repository["nightshift.yml"]);
        config.Probe!.Command!.ToString().Should().Be(probe);
        config.Probe.Format.Should().Be(probeFormat);
        config.Tests!.Command.ToString().Should().Be(tests);
        config.Tests.Format.Should().Be(testFormat);
        (config.Build?.Command.ToString()).Should().Be(build);
        File.ReadAllText(repository["nightshift.yml"]).Should().Contain($"for a {toolchain} project");
    }

    [Fact(Timeout = 30_000)]
    public async Task Report_formats_come_with_the_glob_of_the_reports()
    {
        using var repository = new TempDir("init");
        repository.Write("App.sln", "");

        await Cli.RunAsync(repository.Path, "init");

        ConfigLoader.Load(repository["nightshift.yml"]).Tests!.Results.Should().Be(".nightshift/test-results/*.trx");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_node_project_without_a_test_script_gets_the_tests_section_as_an_example()
    {
        using var repository = new TempDir("init");
        repository.Write("package.json", """{ "scripts": { "test": "echo \"Error: no test specified\" && exit 1" } }""");
        repository.Write("tsconfig.json", "{}");

        var run = await Cli.RunAsync(repository.Path, "init");

        run.ExitCode.Should().Be(0);
        var config = ConfigLoader.Load(repository["nightshift.yml"]);
        config.Probe!.OutputFormat.Should().Be(DiagnosticFormat.Tsc);
        config.Tests.Should().BeNull();
        config.Build.Should().BeNull();
        var text = File.ReadAllText(repository["nightshift.yml"]);
        text.Should().Contain("package.json has no test script").And.Contain("# tests:\n#   command: [make, test]");
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_a_known_toolchain_init_writes_a_generic_file_and_says_so()
    {
        using var repository = new TempDir("init");
        repository.Write("README.md", "# a project of no known kind\n");

        var run = await Cli.RunAsync(repository.Path, "init");

        run.ExitCode.Should().Be(0);
        run.Out.Should().Be($"Wrote {repository["nightshift.yml"]} with no toolchain detected; fill in probe, tests and build.\n");
        run.Error.Should().StartWith($"nightshift: no known toolchain in {repository.Path} (looked for Cargo.toml, *.slnx,");
        var config = ConfigLoader.Load(repository["nightshift.yml"]);
        config.Probe.Should().BeNull();
        config.Tests.Should().BeNull();
        config.Build.Should().BeNull();
        File.ReadAllText(repository["nightshift.yml"]).Should().Contain("# NOTE: no known toolchain was found").And.Contain("# probe:\n#   command:");
    }

    [Fact(Timeout = 30_000)]
    public async Task Init_refuses_to_overwrite_an_existing_file()
    {
        using var repository = new TempDir("init");
        repository.Write("Cargo.toml", "");
        repository.Write("nightshift.yml", "version: 1 # mine\n");

        var run = await Cli.RunAsync(repository.Path, "init");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Be($"nightshift: {repository["nightshift.yml"]} already exists; nothing was written. Use 'nightshift init --force' to replace it.\n");
        File.ReadAllText(repository["nightshift.yml"]).Should().Be("version: 1 # mine\n");
    }

    [Fact(Timeout = 30_000)]
    public async Task Force_overwrites_an_existing_file()
    {
        using var repository = new TempDir("init");
        repository.Write("Cargo.toml", "");
        repository.Write("nightshift.yml", "version: 1 # mine\n");

        var run = await Cli.RunAsync(repository.Path, "init", "--force");

        run.ExitCode.Should().Be(0);
        ConfigLoader.Load(repository["nightshift.yml"]).Probe!.Format.Should().Be(DiagnosticFormat.CargoJson);
    }

    [Fact(Timeout = 30_000)]
    public async Task Json_output_gives_the_path_and_the_toolchain()
    {
        using var repository = new TempDir("init");
        repository.Write("Cargo.toml", "");
        using var other = new TempDir("init");

        var found = await Cli.RunAsync(repository.Path, "init", "--json");
        var unknown = await Cli.RunAsync(other.Path, "init", "--json");

        using var foundJson = JsonDocument.Parse(found.Out);
        foundJson.RootElement.GetProperty("path").GetString().Should().Be(repository["nightshift.yml"]);
        foundJson.RootElement.GetProperty("toolchain").GetString().Should().Be("cargo");
        using var unknownJson = JsonDocument.Parse(unknown.Out);
        unknownJson.RootElement.GetProperty("toolchain").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_config_option_chooses_where_the_file_goes_and_where_to_detect()
    {
        using var repository = new TempDir("init");
        repository.Write("rust/Cargo.toml", "");

        var run = await Cli.RunAsync(repository.Path, "init", "--config", "rust/night.yml");

        run.ExitCode.Should().Be(0);
        ConfigLoader.Load(repository["rust/night.yml"]).Probe!.Format.Should().Be(DiagnosticFormat.CargoJson);
        File.Exists(repository["nightshift.yml"]).Should().BeFalse();
    }

    [Fact(Timeout = 30_000)]
    public async Task Several_solutions_are_noted_and_the_first_is_chosen()
    {
        using var repository = new TempDir("init");
        repository.Write("B.sln", "");
        repository.Write("A.sln", "");

        await Cli.RunAsync(repository.Path, "init");

        ConfigLoader.Load(repository["nightshift.yml"]).Build!.Command.Arguments.Should().Equal("dotnet", "build", "A.sln");
        File.ReadAllText(repository["nightshift.yml"]).Should().Contain("# Several candidates were found (A.sln, B.sln); A.sln was chosen.");
    }

    [Fact(Timeout = 30_000)]
    public async Task Help_for_init_ends_with_an_example()
    {
        using var repository = new TempDir("init");

        var run = await Cli.RunAsync(repository.Path, "init", "--help");

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("Example: nightshift init");
    }
}
