using System.Text;
using System.Text.Json;
using Nightshift.Agents;
using Nightshift.Agents.Transcripts;
using Nightshift.Files;
using Nightshift.Tests.Agents.Local;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Agents.Transcripts;

public sealed class TranscriptFileSpecs : IDisposable
{
    private readonly TempDir _temp = new("transcript");

    [Fact(Timeout = 30_000)]
    public async Task Appends_from_many_threads_each_land_as_one_whole_parseable_line()
    {
        var path = NightshiftPaths.For(_temp.Path).TranscriptFor("t-1");
        var expected = new List<string>();
        await using (var file = new TranscriptFile(path))
        {
            var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; i < 50; i++)
                {
                    await file.AppendAsync(new TranscriptEntry(i + 1, "tool", $"writer {writer} line {i}\n\"quoted\" — ünïcode {{}}", "shell", "{\"command\":\"ls\"}"), CancellationToken.None);
                }
            }));
            await Task.WhenAll(writers);
        }

        expected.AddRange(Enumerable.Range(0, 8).SelectMany(w => Enumerable.Range(0, 50).Select(i => $"writer {w} line {i}\n\"quoted\" — ünïcode {{}}")));
        var lines = await File.ReadAllLinesAsync(path);
        lines.Should().HaveCount(400);
        lines.Select(line => JsonDocument.Parse(line, default).RootElement.GetProperty("tool_name").GetString()).Should().AllBe("shell");
        (await TranscriptFile.ReadAsync(path, CancellationToken.None)).Select(e => e.Content).Order(StringComparer.Ordinal)
            .Should().Equal(expected.Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_transcript_reopened_after_a_restart_is_continued_not_overwritten()
    {
        var path = NightshiftPaths.For(_temp.Path).TranscriptFor("t-2");
        await using (var first = new TranscriptFile(path))
        {
            await first.AppendAsync(new TranscriptEntry(1, "user", "before"), CancellationToken.None);
        }

        await using (var second = new TranscriptFile(NightshiftPaths.For(_temp.Path).TranscriptFor("t-2")))
        {
            await second.AppendAsync(new TranscriptEntry(2, "assistant", "after"), CancellationToken.None);
        }

        (await TranscriptFile.ReadAsync(path, CancellationToken.None)).Select(e => (e.Step, e.Role, e.Content))
            .Should().Equal((1, "user", "before"), (2, "assistant", "after"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_line_torn_by_a_crash_is_skipped_and_every_step_before_it_is_read()
    {
        var path = NightshiftPaths.For(_temp.Path).TranscriptFor("t-3");
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await using (var file = new TranscriptFile(path))
        {
            await file.AppendAsync(new TranscriptEntry(1, "tool", "kept", "write_file", "{\"path\":\"a.rs\"}") { At = at }, CancellationToken.None);
        }

        await File.AppendAllTextAsync(path, "{\"step\":2,\"role\":\"assis", Encoding.UTF8);

        var entries = await TranscriptFile.ReadAsync(path, CancellationToken.None);

        entries.Should().ContainSingle().Which.Should().Be(new TranscriptEntry(1, "tool", "kept", "write_file", "{\"path\":\"a.rs\"}") { At = at });
    }

    [Fact(Timeout = 30_000)]
    public async Task Ids_become_safe_file_names_inside_the_transcripts_folder()
    {
        var folder = Path.Combine(_temp.Path, ".nightshift", "transcripts");

        Path.GetFileName(NightshiftPaths.For(_temp.Path).TranscriptFor("rustc:error:E0308")).Should().Be("rustc_error_E0308.jsonl");
        Path.GetDirectoryName(NightshiftPaths.For(_temp.Path).TranscriptFor("../../etc/passwd")).Should().Be(folder);
        Path.GetFileName(NightshiftPaths.For(_temp.Path).TranscriptFor("..")).Should().Be("_.jsonl");
        await Task.CompletedTask;
    }

    [Fact(Timeout = 30_000)]
    public async Task A_composite_gives_every_entry_to_every_sink_and_fails_when_one_sink_fails()
    {
        var first = new RecordingTranscript();
        var second = new RecordingTranscript();
        var entry = new TranscriptEntry(1, "harness", "note");

        await new CompositeTranscript(first, second).AppendAsync(entry, CancellationToken.None);
        var failing = () => new CompositeTranscript(first, new FailingTranscript()).AppendAsync(entry, CancellationToken.None);

        first.Entries.Should().Equal(entry);
        second.Entries.Should().Equal(entry);
        await failing.Should().ThrowAsync<IOException>();
    }

    public void Dispose() => _temp.Dispose();

    private sealed class FailingTranscript : ITranscript
    {
        public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken) =>
            throw new IOException("journal unavailable");
    }
}
