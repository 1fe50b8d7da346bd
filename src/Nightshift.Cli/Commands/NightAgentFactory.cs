using Nightshift.Agents;
using Nightshift.Configuration;

namespace Nightshift.Cli.Commands;

/// <summary>The agents of a night from its configuration: the ladder, and how to wait for a dead endpoint (null: never).</summary>
internal delegate (Ladder Ladder, Func<CancellationToken, Task>? WaitForEndpoint) NightAgentFactory(NightshiftConfig config);
