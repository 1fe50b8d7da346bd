using Nightshift.Agents;
using Nightshift.Attempts.Episodes;

namespace Nightshift.Attempts;

/// <summary>An attempt's workspace and task, ready for the agent.</summary>
/// <param name="Task">The task as the agent sees it.</param>
/// <param name="Workspace">The folder the agent works in.</param>
/// <param name="Checks">What the agent's run_check and run_tests measure there.</param>
/// <param name="Sources">The files the task is about as the attempt started from them, for the episode.</param>
/// <param name="DiagnosticsBefore">What was wrong before the attempt, for the episode.</param>
/// <param name="Transcript">Another reader of the agent's steps (the live status), besides the transcript file and the episode.</param>
public sealed record AttemptSetup(
    AgentTask Task,
    string Workspace,
    IWorkspaceChecks Checks,
    IReadOnlyDictionary<string, string> Sources,
    IReadOnlyList<EpisodeDiagnostic> DiagnosticsBefore,
    ITranscript? Transcript = null);
