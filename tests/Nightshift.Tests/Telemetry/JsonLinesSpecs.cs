using System.Text;
using System.Text.Json;
using Nightshift.Files;
using Nightshift.Telemetry;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Telemetry;

public sealed class JsonLinesSpecs : IDisposable
{
    private readonly TempDir _dir = new("jsonl");

    [Fact(Timeout = 30_000)]
    public async Task The_tail_leaves_out_a_last_line_that_is_still_being_written()
    {
        var path = _dir["events.jsonl"];
        await File.WriteAllTextAsync(path, "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n{\"n\":4,\"half");

        JsonLines.ReadLast(path, 10).Should().Equal("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        JsonLines.ReadLast(path, 2).Should().Equal("{\"n\":2}", "{\"n\":3}");
        JsonLines.ReadLast(_dir["absent.jsonl"], 2).Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task The_tail_reaches_back_past_lines_longer_than_its_first_window()
    {
        await Task.Yield();
        var path = _dir["long.jsonl"];
        var lines = Enumerable.Range(0, 6).Select(i => JsonSerializer.Serialize(new { n = i, pad = new string((char)('a' + i), 50_000) })).ToList();

        JsonLines.Append(path, lines);

        JsonLines.ReadLast(path, 3).Should().Equal(lines[3], lines[4], lines[5]);
        JsonLines.ReadLast(path, 100).Should().Equal(lines);
    }

    [Fact(Timeout = 60_000)]
    public async Task Parallel_appends_never_tear_or_interleave_a_line()
    {
        var log = new EventLog(_dir["events.jsonl"]);
        var at = DateTimeOffset.UtcNow;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 150; i++)
            {
                var payload = new System.Text.Json.Nodes.JsonObject { ["worker"] = worker, ["text"] = new string('x', 100 * (i % 5)) };
                log.Append(new TelemetryEvent((worker * 1000) + i, at, 1, null, "step", payload));
            }
        })));

        var written = await File.ReadAllLinesAsync(log.Path, Encoding.UTF8);
        written.Should().HaveCount(8 * 150);
        written.Select(line => TelemetryEvent.TryParse(line)!.Id).Should().OnlyHaveUniqueItems().And.HaveCount(1200);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_line_with_a_newline_is_refused_before_anything_is_written()
    {
        await Task.Yield();
        var path = _dir["x.jsonl"];

        FluentActions.Invoking(() => JsonLines.Append(path, ["{}", "{\n}"])).Should().Throw<ArgumentException>();

        File.Exists(path).Should().BeFalse();
    }

    public void Dispose() => _dir.Dispose();
}
