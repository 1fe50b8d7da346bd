using System.Text.Json.Nodes;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Sandboxing;

/// <summary><c>nightshift doctor</c> says which sandbox is in effect and why, and <c>sandbox</c> is validated like every key.</summary>
public sealed class DoctorSpecs
{
    [Theory(Timeout = 60_000)]
    [InlineData("", 0, "bubblewrap", true)]
    [InlineData("sandbox: off\n", 0, "off", null)]
    [InlineData("sandbox:\n  bubblewrap: /nonexistent/bin/bwrap\n", 1, "unavailable", false)]
    public async Task Doctor_tells_the_sandbox_in_effect_and_whether_a_confined_command_ran(
        string section, int exitCode, string sandbox, bool? probeSucceeded)
    {
        using var dir = new TempDir("doctor");
        dir.Write("nightshift.yml", "version: 1\n" + section);

        var result = await CliRun.InProcessAsync(dir.Path, ["doctor", "--json"]);

        result.ExitCode.Should().Be(exitCode, result.Err);
        var report = JsonNode.Parse(result.Out)!;
        report["sandbox"]!.GetValue<string>().Should().Be(sandbox);
        (report["probe_succeeded"]?.GetValue<bool>()).Should().Be(probeSucceeded);
        report["why"]!.GetValue<string>().Should().NotBeEmpty();
        if (sandbox == "bubblewrap")
        {
            report["version"]!.GetValue<string>().Should().StartWith("bubblewrap ");
            report["network"]!.GetValue<bool>().Should().BeFalse();
            report["environment"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Contain("PATH").And.NotContain("OPENAI_API_KEY");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_wrong_sandbox_mode_or_a_secret_variable_is_a_config_error_at_its_line()
    {
        using var dir = new TempDir("doctor-config");
        dir.Write("nightshift.yml", "version: 1\nsandbox:\n  mode: offf\n  env: [MY_HOME, OPENAI_API_KEY]\n");

        var result = await CliRun.InProcessAsync(dir.Path, ["config"]);

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("nightshift.yml:3:9: sandbox.mode: 'offf' is not one of the accepted values")
            .And.Contain("nightshift.yml:4:8: sandbox.env: 'OPENAI_API_KEY' looks like it holds a secret");
    }
}
