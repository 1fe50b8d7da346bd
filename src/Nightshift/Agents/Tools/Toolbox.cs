using Microsoft.Extensions.AI;
using Nightshift.Agents.Providers;
using Nightshift.Execution;
using Nightshift.Git;

namespace Nightshift.Agents.Tools;

/// <summary>
/// The built-in agent's tools for one run, and the one place a tool call becomes an observation. A call
/// that fails (unknown tool, bad arguments, a refused path, an I/O error, any exception but the run's own
/// cancellation) is an observation the model reads and reacts to, never an exception out of the loop.
/// Observations are masked for secrets and clipped to head and tail.
/// </summary>
internal sealed class Toolbox
{
    private readonly Dictionary<string, IAgentTool> _tools;
    private readonly ToolContext _context;
    private readonly Redactor _redactor;
    private readonly int _observationLimit;

    /// <param name="worktree">The only folder the tools read and write.</param>
    /// <param name="checks">run_check's and run_tests' measurements.</param>
    /// <param name="runner">Runs apply_patch's git apply.</param>
    /// <param name="redactor">Masks secrets in every observation, before the model or the transcript sees it.</param>
    /// <param name="observationLimit">Characters of one observation the model sees; past that, head and tail are kept.</param>
    public Toolbox(string worktree, IWorkspaceChecks checks, ProcessRunner runner, Redactor redactor, int observationLimit)
    {
        IAgentTool[] tools =
        [
            new ListFilesTool(), new ReadFileTool(), new SearchTool(), new EditTool(), new WriteFileTool(),
            new ApplyPatchTool(), new RunCheckTool(), new ShowGeneratedTool(), new RunTestsTool(), new FinishTool(),
        ];
        _tools = tools.ToDictionary(tool => tool.Definition.Name, StringComparer.Ordinal);
        Definitions = [.. tools.Select(tool => tool.Definition)];
        _context = new ToolContext(new WorktreePaths(worktree), checks, new WorktreePatcher(worktree, runner));
        _redactor = redactor;
        _observationLimit = observationLimit;
    }

    public IReadOnlyList<AIFunctionDeclaration> Definitions { get; }

    /// <summary>Worktree-relative paths changed through the tools so far.</summary>
    public IReadOnlyCollection<string> TouchedFiles => _context.TouchedFiles;

    public async Task<ToolObservation> RunAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        ToolObservation observation;
        try
        {
            observation = !_tools.TryGetValue(call.Name, out var tool)
                ? ToolObservation.Error($"there is no tool '{call.Name}'. The tools are: {string.Join(", ", _tools.Keys)}.")
                : await tool.RunAsync(Arguments(call), _context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ToolException or IOException or UnauthorizedAccessException or CommandStartException)
        {
            observation = ToolObservation.Error($"{call.Name}: {exception.Message}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever else a tool throws (a path the runtime refuses, a bug of ours) is the model's observation too:
            // one odd call must not end the night. Only the run's own cancellation leaves the toolbox.
            observation = ToolObservation.Error($"{call.Name} failed ({exception.GetType().Name}): {exception.Message}");
        }

        // Masked before it is clipped, so that a cut cannot leave half a secret unmasked.
        return observation with { Text = ObservationText.Clip(_redactor.Redact(observation.Text), _observationLimit) };
    }

    /// <summary>The call's arguments, checked; arguments the chat client could not read as a JSON object are the model's mistake too.</summary>
    private static ToolArguments Arguments(FunctionCallContent call) => call.Exception is { } exception
        ? throw new ToolException(
            $"the arguments are not valid JSON ({exception.InnerException?.Message ?? exception.Message}). Send a JSON object with the documented parameters.")
        : ToolArguments.Parse(ToolCallJson.Arguments(call));
}
