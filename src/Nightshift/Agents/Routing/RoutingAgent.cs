using Nightshift.Configuration;

namespace Nightshift.Agents.Routing;

/// <summary>
/// Sends each task to its family's model (<c>agent.routes</c>): the first route one of the task's
/// <see cref="AgentTask.RouteNames"/> matches names the model; a task no route matches goes to the agent's own model. The
/// routed agent is made for the run and released after it, so one routing agent serves parallel runs. The result names
/// the model that answered, which the episode records.
/// </summary>
/// <param name="name">The provider's name, as the journal names the agent.</param>
/// <param name="routes">The routes, in the order written.</param>
/// <param name="createFor">Makes the provider's agent for a model name, or for its own model (null).</param>
public sealed class RoutingAgent(string name, IReadOnlyList<AgentRoute> routes, Func<string?, IAgent> createFor) : IAgent
{
    public string Name => name;

    public async Task<AgentResult> RunAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var route = AgentRoute.For(routes, request.Task.RouteNames);
        var agent = createFor(route?.Model);
        try
        {
            var result = await agent.RunAsync(request, cancellationToken).ConfigureAwait(false);
            return route is null ? result : result with { Model = route.Model };
        }
        finally
        {
            await agent.ReleaseAsync().ConfigureAwait(false);
        }
    }
}
