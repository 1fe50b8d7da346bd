namespace Nightshift.Agents;

/// <summary>One step of an agent ladder: its name as configured and how to make its agent.</summary>
/// <param name="Name">The provider name (<c>suggest</c>, <c>openai</c>), for status and the journal.</param>
/// <param name="Create">Makes a new agent, owned by the caller (disposed after its attempt when disposable); called once per attempt, so agents need not be reusable.</param>
public sealed record LadderRung(string Name, Func<IAgent> Create);
