using System.Text.Json;
using Nightshift.Configuration;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Configuration;

public sealed class ConfigCommandSpecs
{
    [Fact(Timeout = 30_000)]
    public async Task The_effective_configuration_is_printed_as_yaml_that_loads_back()
    {
        using var repository = new TempDir("config");
        Directory.CreateDirectory(repository["prompts"]);
        repository.Write("transcripts/night.jsonl", "{}");
        var file = repository.Write("nightshift.yml", FullConfig.Yaml);

        var run = await Cli.RunAsync(repository.Path, "config");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().StartWith($"# The effective configuration from {file}, defaults included.\nversion: 1\n");
        FullConfig.ShouldMatch(ConfigLoader.LoadText(run.Out, file));
    }

    [Fact(Timeout = 30_000)]
    public async Task Json_output_includes_the_defaults_under_the_file_keys()
    {
        using var repository = new TempDir("config");
        var file = repository.Write("nightshift.yml", "version: 1\nprobe:\n  command: cargo check\n  format: cargo-json\n");

        var run = await Cli.RunAsync(repository.Path, "config", "--json");

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("path").GetString().Should().Be(file);
        var config = json.RootElement.GetProperty("config");
        config.GetProperty("probe").GetProperty("command").GetString().Should().Be("cargo check");
        config.GetProperty("probe").GetProperty("timeout").GetString().Should().Be("30m");
        config.GetProperty("tests").ValueKind.Should().Be(JsonValueKind.Null);
        config.GetProperty("limits").GetProperty("hours").GetString().Should().Be("8h");
        config.GetProperty("limits").GetProperty("stop_if_tests_broken").GetBoolean().Should().BeTrue();
        config.GetProperty("landing").GetProperty("ticket").GetString().Should().Be("NS-{n:0000}");
        config.GetProperty("policy").GetProperty("protected").GetArrayLength().Should().Be(17, "the defaults and the configuration file itself");
        config.GetProperty("learn").GetProperty("gates").GetProperty("margin").GetDecimal().Should().Be(0.01m);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_file_is_found_from_a_subdirectory()
    {
        using var repository = new TempDir("config");
        var file = repository.Write("nightshift.yml", "version: 1\nlimits:\n  hours: 90m\n");
        var nested = Directory.CreateDirectory(repository["src/lib"]).FullName;

        var run = await Cli.RunAsync(nested, "config");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain($"from {file}").And.Contain("  hours: 1h30m\n");
    }

    [Fact(Timeout = 30_000)]
    public async Task Help_for_config_ends_with_an_example()
    {
        using var repository = new TempDir("config");

        var run = await Cli.RunAsync(repository.Path, "config", "--help");

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("Example: nightshift config --json");
    }
}
