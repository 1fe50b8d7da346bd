using System.CommandLine;
using Nightshift.Agents;
using Nightshift.Cli.Rendering;
using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Store;

namespace Nightshift.Cli.Commands;

/// <summary>What the learn commands share: the configuration, and where the journal and the metrics live.</summary>
internal sealed record LearnContext(NightshiftConfig Config)
{
    /// <summary>The repository's Nightshift folder: journal, metrics, transcripts, reports.</summary>
    public NightshiftPaths Paths => NightshiftPaths.For(Config.RepositoryRoot);

    public static LearnContext Load(ParseResult parseResult, GlobalOptions globals, CliHost host) =>
        new(globals.LoadConfig(parseResult, host));

    /// <summary>
    /// The learn loop's context: its baseline is <c>agent.model</c> as configured, which <c>promoted</c> does not name.
    /// </summary>
    /// <exception cref="ConfigException"><c>agent.model</c> is <c>promoted</c>.</exception>
    public static LearnContext LoadForLearning(ParseResult parseResult, GlobalOptions globals, CliHost host)
    {
        var context = Load(parseResult, globals, host);
        return context.Config.Agent.WantsPromotedModel
            ? throw new ConfigException(
                $"{context.Config.FilePath}: 'nightshift learn' holds every candidate against agent.model, the base model as configured, and " +
                $"agent.model is '{AgentConfig.PromotedModel}'. Name the base model in agent.model, and set 'learn: {{ promote_to: agent }}' " +
                "so that the other workloads use the promoted model.")
            : context;
    }

    /// <summary>The agents of <paramref name="config"/>, with what happens at their model endpoints logged to stderr.</summary>
    public static AgentFactory Agents(NightshiftConfig config, CliHost host)
    {
        var log = new SyncProgress<string>(host.Error.WriteLine);
        return new AgentFactory(config, e => log.Report(ProviderEventText.Line(e)));
    }

    public Journal OpenJournal() => Journal.Open(Paths.Journal);

    /// <summary>Opens the journal for reading; a repository that never ran a workload has none, and that is an error worth saying.</summary>
    public Journal OpenExistingJournal() => File.Exists(Paths.Journal)
        ? Journal.Open(Paths.Journal)
        : throw new NightshiftException($"There is no journal at {Paths.Journal} yet: every workload and 'nightshift eval' record their episodes there.");
}
