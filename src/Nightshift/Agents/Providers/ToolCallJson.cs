using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Nightshift.Agents.Resilience;

namespace Nightshift.Agents.Providers;

/// <summary>
/// A tool call's arguments between JSON text and <see cref="FunctionCallContent"/>. Models make mistakes in their
/// arguments (broken JSON, a lone surrogate escape), and the agent reports each back as an observation, so the text is
/// kept as the model wrote it wherever the parsed arguments allow.
/// </summary>
internal static class ToolCallJson
{
    private static readonly JsonWriterOptions _writerOptions = new()
    {
        // Readable in the transcript, and a secret stays one string there for the redactor to find.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The call as Microsoft.Extensions.AI's own clients make it: arguments that are no JSON object leave
    /// <see cref="FunctionCallContent.Arguments"/> null and the parse error in <see cref="FunctionCallContent.Exception"/>.
    /// </summary>
    public static FunctionCallContent Parse(string callId, string name, string argumentsJson) =>
        FunctionCallContent.CreateFromParsedArguments(
            argumentsJson,
            callId,
            name,
            static json => JsonSerializer.Deserialize<Dictionary<string, object?>>(json.Length == 0 ? "{}" : json, AIJsonUtilities.DefaultOptions));

    /// <summary>
    /// The arguments as a JSON object. Values that are still JSON (what the SDKs parse into) are written as the model
    /// wrote them, escapes included, so that a lone surrogate escape reaches the tool's checks instead of failing here.
    /// </summary>
    public static string Arguments(FunctionCallContent call)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, _writerOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in call.Arguments ?? new Dictionary<string, object?>())
            {
                writer.WritePropertyName(name);
                if (value is JsonElement element)
                {
                    writer.WriteRawValue(element.GetRawText());
                }
                else
                {
                    JsonSerializer.Serialize(writer, value, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object)));
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The call as the conversation sends it back: clients serialize the arguments again, which a lone surrogate
    /// escape would fail, so those become U+FFFD (as the wire's own do); unreadable arguments go back as <c>{}</c>.
    /// </summary>
    public static FunctionCallContent Sendable(FunctionCallContent call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Exception is null
            ? Parse(call.CallId, call.Name, LoneSurrogateEscapes.Rewrite(Arguments(call)))
            : new FunctionCallContent(call.CallId, call.Name, new Dictionary<string, object?>());
    }
}
