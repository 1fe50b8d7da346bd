using System.CommandLine;
using Nightshift.Agents;
using Nightshift.Cli.Rendering;
using Nightshift.Configuration;
using Nightshift.Store;

namespace Nightshift.Cli.Commands;

/// <summary>What the learn commands share: the configuration, and where the journal and the metrics live.</summary>
internal sealed record LearnContext(NightshiftConfig Config)
{
    public string JournalPath => Journal.PathIn(Config.RepositoryRoot);

    /// <summary>One JSON object per eval, training run and gate decision, appended (never rewritten).</summary>
    public string MetricsPath => Path.Combine(Config.RepositoryRoot, ".nightshift", "metrics.jsonl");

    public static LearnContext Load(ParseResult parseResult, GlobalOptions globals, CliHost host) =>
        new(ConfigLoader.Load(ConfigLocator.Locate(parseResult.GetValue(globals.Config), host.WorkingDirectory)));

    /// <summary>The agents of <paramref name="config"/>, with what happens at their model endpoints logged to stderr.</summary>
    public static AgentFactory Agents(NightshiftConfig config, CliHost host)
    {
        var log = new SyncProgress<string>(host.Error.WriteLine);
        return new AgentFactory(config, e => log.Report(ProviderEventText.Line(e)));
    }

    public Journal OpenJournal() => Journal.Open(JournalPath);

    /// <summary>Opens the journal for reading; a repository that never ran a workload has none, and that is an error worth saying.</summary>
    public Journal OpenExistingJournal() => File.Exists(JournalPath)
        ? Journal.Open(JournalPath)
        : throw new NightshiftException($"There is no journal at {JournalPath} yet: every workload and 'nightshift eval' record their episodes there.");
}
