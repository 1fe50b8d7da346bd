using Nightshift.Agents.Providers;
using Nightshift.Execution;

namespace Nightshift.Agents.Tools;

/// <summary>
/// The built-in agent's tools for one run, and the one place a tool call becomes an observation. A call
/// that fails (unknown tool, bad arguments, a refused path, an I/O error) is an observation the model
/// reads and reacts to, never an exception out of the loop. Observations are clipped to head and tail.
/// </summary>
internal sealed class Toolbox
{
    private readonly Dictionary<string, IAgentTool> _tools;
    private readonly ToolContext _context;
    private readonly int _observationLimit;

    public Toolbox(string worktree, IWorkspaceChecks checks, ProcessRunner runner, int observationLimit)
    {
        IAgentTool[] tools =
        [
            new ListFilesTool(), new ReadFileTool(), new SearchTool(), new EditTool(), new WriteFileTool(),
            new ApplyPatchTool(), new RunCheckTool(), new RunTestsTool(), new FinishTool(),
        ];
        _tools = tools.ToDictionary(tool => tool.Definition.Name, StringComparer.Ordinal);
        Definitions = [.. tools.Select(tool => tool.Definition)];
        _context = new ToolContext(new WorktreePaths(worktree), checks, runner);
        _observationLimit = observationLimit;
    }

    public IReadOnlyList<ToolDefinition> Definitions { get; }

    /// <summary>Worktree-relative paths changed through the tools so far.</summary>
    public IReadOnlyCollection<string> TouchedFiles => _context.TouchedFiles;

    public async Task<ToolObservation> RunAsync(ToolCall call, CancellationToken cancellationToken)
    {
        if (!_tools.TryGetValue(call.Name, out var tool))
        {
            return ToolObservation.Error($"there is no tool '{call.Name}'. The tools are: {string.Join(", ", _tools.Keys)}.");
        }

        ToolObservation observation;
        try
        {
            observation = await tool.RunAsync(ToolArguments.Parse(call.ArgumentsJson), _context, cancellationToken).ConfigureAwait(false);
        }
        catch (ToolException exception)
        {
            observation = ToolObservation.Error($"{call.Name}: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CommandStartException)
        {
            observation = ToolObservation.Error($"{call.Name}: {exception.Message}");
        }

        return observation with { Text = ObservationText.Clip(observation.Text, _observationLimit) };
    }
}
