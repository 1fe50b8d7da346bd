using Nightshift.Configuration;
using Nightshift.Configuration.Reading;

namespace Nightshift.Workloads.Bench.Suites;

/// <summary>
/// One agent a suite compares. <see cref="Provider"/> is a built-in bench agent (<c>reference</c>, <c>none</c>)
/// or a provider of nightshift.yml's agent section, whose settings the other members override.
/// </summary>
/// <param name="Name">Unique within the suite; part of run file names.</param>
/// <param name="Provider">reference, none, suggest, openai, anthropic, command or replay.</param>
public sealed record BenchAgentSpec(string Name, string Provider)
{
    /// <summary>Applies the task's reference solution: a suite whose tasks all pass with it is solvable and correctly judged.</summary>
    public const string Reference = "reference";

    /// <summary>Changes nothing: every task must fail with it, or its acceptance does not test anything.</summary>
    public const string None = "none";

    /// <summary>Every provider name a suite accepts.</summary>
    public static IReadOnlyList<string> Providers { get; } = [Reference, None, "suggest", "openai", "anthropic", "command", "replay"];

    public string? Model { get; init; }

    public Uri? BaseUrl { get; init; }

    public string? ApiKeyEnv { get; init; }

    public IReadOnlyList<string>? Command { get; init; }

    public AgentPreset? Preset { get; init; }

    public int? MaxSteps { get; init; }

    public int? MaxTokens { get; init; }

    public decimal? MaxCostUsd { get; init; }

    public bool IsBuiltIn => Provider is Reference or None;

    /// <summary>The provider of nightshift.yml's agent section this spec names; null for a built-in bench agent.</summary>
    public AgentProvider? ConfiguredProvider => WireNames.TryParse<AgentProvider>(Provider, out var provider) ? provider : null;

    /// <summary>The agent configuration this spec describes, on top of nightshift.yml's (or the defaults).</summary>
    public AgentConfig ApplyTo(AgentConfig configured, AgentProvider provider) => configured with
    {
        Provider = provider,
        Ladder = [],
        Model = Model ?? configured.Model,
        BaseUrl = BaseUrl ?? configured.BaseUrl,
        ApiKeyEnv = ApiKeyEnv ?? configured.ApiKeyEnv,
        Command = Command ?? configured.Command,
        Preset = Preset ?? configured.Preset,
        MaxSteps = MaxSteps ?? configured.MaxSteps,
        MaxTokens = MaxTokens ?? configured.MaxTokens,
        MaxCostUsd = MaxCostUsd ?? configured.MaxCostUsd,
    };
}
