using System.Globalization;
using Nightshift.Files;
using Nightshift.Tests.Support;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Metrics;

namespace Nightshift.Tests.Learn;

public sealed class MetricsLogSpecs
{
    private static readonly DateTimeOffset _at = DateTimeOffset.Parse("2026-05-02T03:00:00Z", CultureInfo.InvariantCulture);

    [Fact(Timeout = 30_000)]
    public async Task Records_are_appended_one_per_line_and_read_back_in_order()
    {
        using var dir = new TempDir("metrics");
        var log = new MetricsLog(NightshiftPaths.For(dir.Path).Metrics);
        var first = Training("adapter-1", 0.5);
        var second = Training(null, null) with { Error = "trainer exited with 3", ExitCode = 3 };

        await log.AppendAsync(first, CancellationToken.None);
        await log.AppendAsync(second, CancellationToken.None);

        (await log.ReadAsync(CancellationToken.None)).Should().Equal(first, second);
        var lines = await File.ReadAllLinesAsync(dir[".nightshift/metrics.jsonl"]);
        lines.Should().HaveCount(2);
        lines[0].Should().StartWith("{\"kind\":\"train\",").And.Contain("\"model\":\"adapter-1\"").And.Contain("\"finalLoss\":0.5");
    }

    [Fact(Timeout = 30_000)]
    public async Task Lines_of_other_kinds_and_torn_lines_are_skipped()
    {
        using var dir = new TempDir("metrics");
        var log = new MetricsLog(NightshiftPaths.For(dir.Path).Metrics);
        await log.AppendAsync(Training("adapter-1", 0.5), CancellationToken.None);
        await File.AppendAllTextAsync(log.Path, "{\"kind\":\"bench\",\"score\":3}\nnot json\n{\"kind\":\"tra");

        (await log.ReadAsync(CancellationToken.None)).Should().ContainSingle();
    }

    [Fact(Timeout = 30_000)]
    public async Task An_eval_keeps_its_pass_rate_per_family_and_a_line_written_before_families_still_reads()
    {
        using var dir = new TempDir("metrics");
        var log = new MetricsLog(NightshiftPaths.For(dir.Path).Metrics);
        dir.Write(".nightshift/metrics.jsonl", """
            {"kind":"eval","at":"2026-05-02T03:00:00+00:00","role":"baseline","agent":"replay","evalSetHash":"h","repeats":1,"runs":2,"passed":1,"passRate":0.5,"repeatErrorRate":0,"repeatErrors":0,"failed":["a"],"sessionId":4}

            """);
        var eval = ((EvalRecord)(await log.ReadAsync(CancellationToken.None)).Single()) with
        {
            Families = [new FamilyScore("borrow", 1, 1), new FamilyScore("traits", 3, 1)],
        };

        await log.AppendAsync(eval, CancellationToken.None);

        var records = (await log.ReadAsync(CancellationToken.None)).Cast<EvalRecord>().ToList();
        records[0].Families.Should().BeEmpty("the old line has no families");
        records[1].Families.Should().Equal(new FamilyScore("borrow", 1, 1), new FamilyScore("traits", 3, 1));
        (await File.ReadAllLinesAsync(log.Path))[^1].Should()
            .Contain("\"families\":[{\"family\":\"borrow\",\"runs\":1,\"passed\":1,\"passRate\":1},{\"family\":\"traits\",\"runs\":3,\"passed\":1,\"passRate\":0.3333333333333333}]");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_file_has_no_records()
    {
        using var dir = new TempDir("metrics");

        (await new MetricsLog(NightshiftPaths.For(dir.Path).Metrics).ReadAsync(CancellationToken.None)).Should().BeEmpty();
    }

    private static TrainingRecord Training(string? model, double? loss) => new()
    {
        At = _at,
        Cycle = 1,
        Model = model,
        Dataset = "/repo/.nightshift/learn/1/dataset.jsonl",
        DatasetSha256 = "abc",
        Examples = 12,
        Output = "/repo/.nightshift/learn/1/model",
        Log = "/repo/.nightshift/learn/1/train.log",
        ExitCode = 0,
        DurationSeconds = 1.5,
        LossPoints = loss is null ? 0 : 3,
        FirstLoss = loss is null ? null : 2.5,
        FinalLoss = loss,
    };
}
