using Nightshift.Configuration;
using Nightshift.Execution;

namespace Nightshift.Agents.External;

/// <summary>
/// Runs an external coding-agent CLI (provider <c>command</c>: Claude Code, Codex, aider, or any program) in
/// the worktree with the task's prompt on stdin or in a file, under the process runner's rules: the budget's
/// wall time and idle time stop it (SIGTERM to its process group, then SIGKILL to the whole tree). Its output
/// streams into the transcript as it arrives; usage and steps come from the output where the tool reports
/// them, and a token, cost or step budget exceeded mid-run stops it the same way.
/// </summary>
public sealed class CommandAgent : IAgent
{
    public const string ProviderName = "command";

    private readonly ProcessRunner _runner;

    /// <exception cref="ConfigException">No program, or a prompt file the command never receives.</exception>
    public CommandAgent(CommandAgentOptions options, ProcessRunner? runner = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Command is not { Count: > 0 } || string.IsNullOrWhiteSpace(options.Command[0]))
        {
            throw new ConfigException("agent.command is empty: give the agent's program and its arguments as a list.");
        }

        if (options.PromptInput == PromptInput.File
            && !options.Command.Any(a => a.Contains(CommandAgentOptions.PromptFilePlaceholder, StringComparison.Ordinal)))
        {
            throw new ConfigException(
                $"agent.prompt_input is file, but agent.command has no {CommandAgentOptions.PromptFilePlaceholder} argument: add one where the program expects the prompt's path.");
        }

        Options = options;
        _runner = runner ?? new ProcessRunner();
    }

    public string Name => ProviderName;

    public CommandAgentOptions Options { get; }

    public async Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = PromptText.For(request.Task, request.Budget, Options.Prompts);
        using var promptFile = Options.UsesPromptFile
            ? await PromptFile.WriteAsync(Options.PromptDirectory, request.Worktree, prompt, cancellationToken).ConfigureAwait(false)
            : null;
        var arguments = Options.Command
            .Select(a => promptFile is null ? a : a.Replace(CommandAgentOptions.PromptFilePlaceholder, promptFile.Path, StringComparison.Ordinal))
            .ToList();
        var spec = new CommandSpec(arguments[0], arguments[1..])
        {
            WorkingDirectory = request.Worktree,
            Environment = Options.Environment,
            Secrets = Options.Secrets,
            Timeout = request.Budget.WallTime,
            IdleTimeout = request.Budget.IdleTime,
            GracePeriod = Options.GracePeriod,
            StandardInput = Options.PromptInput == PromptInput.Stdin ? prompt : null,
        };

        await using var run = new CommandRun(request, Options, Redactor.For(spec), cancellationToken);
        await run.RecordAsync(new TranscriptEntry(1, "user", prompt)).ConfigureAwait(false);
        CommandResult result;
        try
        {
            result = await _runner.RunAsync(spec with { OnOutput = run.Post }, run.Token).ConfigureAwait(false);
        }
        catch (CommandStartException e)
        {
            await run.CompleteAsync().ConfigureAwait(false);
            await run.RecordAsync(new TranscriptEntry(1, "harness", e.Message)).ConfigureAwait(false);
            return new AgentResult(AgentStopReason.Error, AgentUsage.None, 0, Error: e.Message);
        }

        await run.CompleteAsync().ConfigureAwait(false);
        return await run.FinishAsync(result).ConfigureAwait(false);
    }
}
