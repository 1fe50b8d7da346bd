using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nightshift.Store;

namespace Nightshift.Telemetry.Events;

/// <summary>
/// The one serializer of events: every <see cref="SessionEvent"/> record, its kind from its <see cref="EventKindAttribute"/>
/// and its payload in <see cref="TelemetryJson.Compact"/> (snake_case names, enums by their one wire name).
/// </summary>
public static class EventJson
{
    private static readonly FrozenDictionary<Type, string> _kinds = typeof(SessionEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(SessionEvent)) && !t.IsAbstract)
        .ToFrozenDictionary(t => t, t => t.GetCustomAttribute<EventKindAttribute>()?.Kind
            ?? throw new InvalidOperationException($"The event record {t.Name} has no [EventKind]."));

    private static readonly FrozenDictionary<string, Type> _types = _kinds.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    // The kinds journaled before every event followed one scheme (issue 15): crash-watch spelled them with underscores and
    // some burn-down kinds had no subject. A journal written before still reads.
    private static readonly FrozenDictionary<string, string> _renamed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["baseline"] = "baseline.measured",
        ["verdict"] = "verdict.decided",
        ["landed"] = "attempt.landed",
        ["alert"] = "alert.raised",
        ["crash_detected"] = "crash.detected",
        ["crash_attached"] = "crash.attached",
        ["crash_recurred"] = "crash.recurred",
        ["crash_resumed"] = "crash.resumed",
        ["crash_unrecognized"] = "crash.unrecognized",
        ["crash_pipeline_started"] = "crash.pipeline_started",
        ["crash_step_started"] = "crash.step_started",
        ["crash_step_finished"] = "crash.step_finished",
        ["crash_done"] = "crash.done",
        ["service_stop_command"] = "service.stop_command_ran",
        ["service_stopped"] = "service.stopped",
        ["service_start_failed"] = "service.start_failed",
        ["service_started"] = "service.started",
        ["service_health"] = "service.health_checked",
        ["service_rolled_back"] = "service.rolled_back",
        ["learn.train"] = "learn.trained",
        ["learn.eval"] = "learn.evaluated",
        ["learn.gate"] = "learn.gated",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every event record type.</summary>
    public static IReadOnlyCollection<Type> Types => _kinds.Keys;

    /// <summary>The kinds renamed by issue 15: old spelling → kind.</summary>
    public static IReadOnlyDictionary<string, string> Renamed => _renamed;

    /// <summary>The kind of an event record type.</summary>
    public static string KindOf(Type type) =>
        _kinds.TryGetValue(type, out var kind) ? kind : throw new ArgumentException($"{type.Name} is not an event record.", nameof(type));

    /// <summary>The kind of <typeparamref name="T"/>.</summary>
    public static string KindOf<T>()
        where T : SessionEvent => KindOf(typeof(T));

    /// <summary>A kind as journaled, old spellings read as today's.</summary>
    public static string Current(string kind) => _renamed.GetValueOrDefault(kind, kind);

    /// <summary>Every spelling <paramref name="kind"/> was journaled under: itself and its old names.</summary>
    public static IReadOnlyList<string> Spellings(string kind) => [kind, .. _renamed.Where(p => p.Value == kind).Select(p => p.Key)];

    /// <summary>The event's payload as journaled; null for an event without fields.</summary>
    public static JsonObject? Payload(SessionEvent sessionEvent)
    {
        ArgumentNullException.ThrowIfNull(sessionEvent);
        var payload = JsonSerializer.SerializeToNode(sessionEvent, sessionEvent.GetType(), TelemetryJson.Compact)!.AsObject();
        return payload.Count == 0 ? null : payload;
    }

    /// <summary>The event as the journal takes it: its kind and its payload's text.</summary>
    public static NewEvent ToJournal(long sessionId, SessionEvent sessionEvent, long? attemptId = null)
    {
        ArgumentNullException.ThrowIfNull(sessionEvent);
        return new(sessionId, KindOf(sessionEvent.GetType()), Payload(sessionEvent)?.ToJsonString(TelemetryJson.Compact), attemptId);
    }

    /// <summary>The record of a journaled event, or null when its kind is not one (any more) or its payload does not read.</summary>
    public static SessionEvent? Read(string kind, JsonObject? payload)
    {
        if (!_types.TryGetValue(Current(kind), out var type))
        {
            return null;
        }

        try
        {
            return (SessionEvent?)(payload ?? []).Deserialize(type, TelemetryJson.Compact);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The one wire name of an enum value that reaches an event, e.g. <c>step_limit</c>.</summary>
    public static string WireName<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonSerializer.SerializeToNode(value, TelemetryJson.Compact)!.GetValue<string>();
}
