using System.Text.Json.Nodes;
using Nightshift.Tests.BurnDown;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Reports;

/// <summary>The morning report shows what each landed fix changed: its diff, collapsed under its ticket, as git has it.</summary>
public sealed class ReportDiffSpecs
{
    [Fact(Timeout = 300_000)]
    public async Task Each_landed_fix_shows_its_diff_as_the_commit_on_the_session_branch_has_it()
    {
        using var night = await NightRepo.CreateAsync();
        var run = await CliRun.InProcessAsync(night.Path, ["run", "--json"]);
        run.ExitCode.Should().Be(0, run.Err);
        var session = JsonNode.Parse(run.Out)!["session"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var markdown = await CliRun.InProcessAsync(night.Path, ["report", "--session", session]);
        var html = await CliRun.InProcessAsync(night.Path, ["report", "--session", session, "--format", "html"]);

        markdown.ExitCode.Should().Be(0, markdown.Err);
        html.ExitCode.Should().Be(0, html.Err);
        var document = ReportFixture.Parse(await File.ReadAllTextAsync(html.Out.Trim()));
        var subjects = await night.SubjectsAsync();
        subjects.Should().HaveCount(3);
        for (var n = 1; n <= subjects.Count; n++)
        {
            var ticket = $"NS-{n:0000}";
            var sha = (await night.Repo.GitAsync("log", "--format=%H", "--grep", $"^{ticket}:", "nightshift/test")).Trim();
            var changed = (await night.Repo.GitAsync("show", "--format=", "--no-color", sha)).TrimEnd('\n').Split('\n')
                .Where(l => (l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)) || (l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)))
                .ToList();
            changed.Should().NotBeEmpty();
            var files = (await night.Repo.GitAsync("show", "--format=", "--name-only", sha)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

            markdown.Out.Should().Contain($"<details><summary>{ticket}: ");
            var details = document.QuerySelector($"details.diff[data-ticket='{ticket}']")!;
            details.Should().NotBeNull();
            var shown = details.QuerySelectorAll("pre span.add, pre span.del").Select(s => s.TextContent).ToList();
            shown.Should().Equal(changed, "the report shows the lines the commit on the session branch adds and removes");
            details.QuerySelector($"[data-field='commit[{ticket}].diff_figures']")!.TextContent.Should()
                .Be($"(+{changed.Count(l => l.StartsWith('+'))} −{changed.Count(l => l.StartsWith('-'))} in {files} file(s))");
            foreach (var line in changed)
            {
                markdown.Out.Should().Contain(line);
            }
        }
    }
}
