using System.Text.Json;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Examples;

/// <summary>
/// examples/transpiler (issue 16): a generator whose planted bugs make its outputs fail. Its probe runs the built
/// generator and then rustc on every corpus item, so the baseline needs a cargo build first.
/// </summary>
public sealed class TranspilerSpecs
{
    private static readonly TimeSpan _toolTimeout = TimeSpan.FromMinutes(2);

    [Fact(Timeout = 240_000)]
    public async Task The_built_generator_gives_a_baseline_of_at_least_four_error_clusters_of_five_items_each()
    {
        using var temp = new TempDir("transpiler");
        var project = temp.Path;
        ExampleFolder.CopyTo("transpiler", project);
        foreach (var git in new[] { new[] { "init", "--quiet" }, ["add", "."], ["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "example"] })
        {
            (await ToolRun.RunAsync("git", git, project, null, _toolTimeout, CancellationToken.None)).ExitCode.Should().Be(0);
        }

        var build = await ToolRun.RunAsync("cargo", ["build", "--offline", "--quiet"], project, null, _toolTimeout, CancellationToken.None);
        build.ExitCode.Should().Be(0, build.StandardError);

        var run = await CliRun.InProcessAsync(project, ["baseline", "--json"]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var errors = json.RootElement.GetProperty("clusters").EnumerateArray()
            .Where(c => c.GetProperty("severity").GetString() == "error")
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("items").GetInt32());
        errors.Where(e => e.Value >= 5).Should().HaveCountGreaterThanOrEqualTo(4, $"clusters: {string.Join(", ", errors)}");
        // Every error is rustc's about generated code: the generator itself ran on every item.
        errors.Keys.Should().OnlyContain(code => code.StartsWith('E'));
        json.RootElement.GetProperty("items").GetInt32().Should().Be(Directory.GetFiles(Path.Combine(project, "corpus"), "*.tiny").Length);
    }
}
