using System.Text.Json.Nodes;

namespace Nightshift.Agents.Tools;

/// <summary>One property of a tool's argument object, as its JSON schema declares it to the model.</summary>
internal sealed record ToolParameter(string Name, JsonObject Schema, bool IsRequired)
{
    /// <summary>The file a tool reads or writes; every file tool names it alike.</summary>
    public static ToolParameter FilePath { get; } = String("path", "File path relative to the worktree root.", required: true);

    public static ToolParameter String(string name, string description, bool required = false) =>
        Of(name, "string", description, required);

    public static ToolParameter Integer(string name, string description) => Of(name, "integer", description, required: false);

    public static ToolParameter Boolean(string name, string description) => Of(name, "boolean", description, required: false);

    public static ToolParameter Strings(string name, string description) =>
        new(name, new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = description }, IsRequired: false);

    /// <summary>The schema of the argument object: its properties in order, and "required" when any is.</summary>
    public static JsonObject ObjectSchema(IReadOnlyList<ToolParameter> parameters)
    {
        var properties = new JsonObject();
        foreach (var parameter in parameters)
        {
            properties[parameter.Name] = parameter.Schema.DeepClone();
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (parameters.Any(parameter => parameter.IsRequired))
        {
            schema["required"] = new JsonArray([.. parameters.Where(parameter => parameter.IsRequired).Select(parameter => JsonValue.Create(parameter.Name))]);
        }

        return schema;
    }

    private static ToolParameter Of(string name, string type, string description, bool required) =>
        new(name, new JsonObject { ["type"] = type, ["description"] = description }, required);
}
