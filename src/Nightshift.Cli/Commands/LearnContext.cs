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
