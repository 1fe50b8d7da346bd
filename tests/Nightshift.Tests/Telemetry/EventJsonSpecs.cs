using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Nightshift.Telemetry.Events;
using Nightshift.Workloads.Learn.Evaluation;
using Nightshift.Workloads.Learn.Gates;

namespace Nightshift.Tests.Telemetry;

public sealed partial class EventJsonSpecs
{
    public static TheoryData<string> EventTypes => [.. EventJson.Types.Select(t => t.Name)];

    [Fact(Timeout = 30_000)]
    public async Task Every_event_record_has_its_own_kind_named_subject_dot_what_happened()
    {
        await Task.Yield();
        var kinds = EventJson.Types.Select(EventJson.KindOf).ToList();

        kinds.Should().HaveCountGreaterThanOrEqualTo(28).And.OnlyHaveUniqueItems();
        kinds.Should().OnlyContain(kind => KindScheme().IsMatch(kind), "every kind is subject.what_happened, lower case, one dot");
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(EventTypes))]
    public async Task Every_event_record_round_trips_through_the_one_serializer(string typeName)
    {
        await Task.Yield();
        var type = EventJson.Types.Single(t => t.Name == typeName);
        var written = Sample(type);

        var payload = EventJson.Payload(written);
        var read = EventJson.Read(EventJson.KindOf(type), payload?.DeepClone().AsObject());

        read.Should().BeOfType(type);
        EventJson.Payload(read!)?.ToJsonString().Should().Be(payload?.ToJsonString());
        payload?.Select(p => p.Key).Should().OnlyContain(name => SnakeCase().IsMatch(name), "payload fields are snake_case");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_journal_written_before_the_kinds_were_renamed_still_reads()
    {
        await Task.Yield();
        var done = JsonNode.Parse("""
            {"task":3,"signature":"s","result":"rolledback","ticket":"NS-2","commit":"abc","duration_ms":12.5,"problem":"health",
             "steps":[{"step":"deploy","outcome":"failed","duration_ms":10.0,"agent":null}]}
            """)!.AsObject();

        EventJson.Read("crash_done", done).Should().BeEquivalentTo(
            new CrashDone(3, "s", CrashResult.RolledBack, "NS-2", "abc", 12.5, "health", [new CrashDoneStep("deploy", StepOutcome.Failed, 10, null)]));
        EventJson.Renamed.Values.Should().OnlyContain(kind => EventJson.Types.Select(EventJson.KindOf).Contains(kind));
        EventJson.Spellings("alert.raised").Should().Equal("alert.raised", "alert");
        EventJson.Current("crash_step_finished").Should().Be("crash.step_finished");
    }

    [Fact(Timeout = 30_000)]
    public async Task Each_enum_in_an_event_has_one_wire_name()
    {
        await Task.Yield();
        EventJson.WireName(CrashResult.RolledBack).Should().Be("rolledback");
        EventJson.WireName(CrashResult.ServiceDown).Should().Be("servicedown");
        EventJson.WireName(CrashDisposition.NotRetried).Should().Be("not_retried");
        EventJson.WireName(StepOutcome.Skipped).Should().Be("skipped");
        EventJson.Payload(new CrashDetected("f", 0, "r", "rust-panic", "panic", "m", 1, "s", CrashDisposition.NotRetried, 1))!["disposition"]!
            .GetValue<string>().Should().Be("not_retried");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_step_s_own_figures_are_written_beside_its_fields_and_read_back()
    {
        await Task.Yield();
        var finished = new CrashStepFinished(1, "s", "build", null, StepOutcome.Failed, 2.5, "exited 101")
        {
            Detail = new() { ["exit_code"] = JsonSerializer.SerializeToElement(101) },
        };

        var payload = EventJson.Payload(finished)!;

        payload.ToJsonString().Should().Be("""{"task":1,"signature":"s","step":"build","outcome":"failed","duration_ms":2.5,"summary":"exited 101","exit_code":101}""");
        EventJson.Read("crash.step_finished", payload).Should().BeOfType<CrashStepFinished>().Which.Detail!["exit_code"].GetInt32().Should().Be(101);
    }

    // One value per property type: enough for a record to go through the serializer and back.
    private static SessionEvent Sample(Type type)
    {
        var constructors = type.GetConstructors();
        var constructor = constructors.FirstOrDefault(c => c.GetCustomAttribute<JsonConstructorAttribute>() is not null)
            ?? constructors.OrderByDescending(c => c.GetParameters().Length).First();
        var sample = (SessionEvent)constructor.Invoke([.. constructor.GetParameters().Select(p => Value(p.ParameterType))]);
        foreach (var property in type.GetProperties().Where(p => p.SetMethod is not null && p.GetValue(sample) is null or false or 0 or System.Collections.ICollection { Count: 0 }))
        {
            property.SetValue(sample, Value(property.PropertyType));
        }

        return sample;
    }

    private static object? Value(Type declared) => (Nullable.GetUnderlyingType(declared) ?? declared) switch
    {
        { } type when type == typeof(string) => "a <value> & more",
        { } type when type == typeof(long) => 7L,
        { } type when type == typeof(int) => 3,
        { } type when type == typeof(double) => 12.5,
        { } type when type == typeof(bool) => true,
        { } type when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero),
        { } type when type == typeof(Dictionary<string, JsonElement>) => new Dictionary<string, JsonElement> { ["exit_code"] = JsonSerializer.SerializeToElement(101) },
        { } type when type == typeof(IReadOnlyList<CrashDoneStep>) => new List<CrashDoneStep> { new("build", StepOutcome.Ok, 4.5, "small") },
        { } type when type == typeof(VerdictTimings) => new VerdictTimings(0.25, 2.5, 0.125, 1.5, 1.25, 4.5, 0.75),
        { } type when type == typeof(IReadOnlyList<string>) => new List<string> { "koan-3", "koan-7" },
        { } type when type == typeof(IReadOnlyList<GateCheck>) => new List<GateCheck> { new("pass rate vs baseline", true, "50.0% vs 25.0%") },
        { } type when type == typeof(GateScore) => new GateScore("candidate-1", 0.5, 0.125),
        { } type when type == typeof(IReadOnlyList<FamilyScore>) => new List<FamilyScore> { new("borrow", 4, 3), new("result-option", 4, 0) },
        { IsEnum: true } type => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1),
        var type => throw new InvalidOperationException($"No sample value for {type.Name}: add one."),
    };

    [GeneratedRegex("^[a-z]+\\.[a-z]+(_[a-z]+)*$")]
    private static partial Regex KindScheme();

    [GeneratedRegex("^[a-z]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
