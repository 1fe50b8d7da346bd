using Nightshift.Configuration;
using Nightshift.Execution;

namespace Nightshift.Probing;

/// <summary>Builds the probe a configuration describes.</summary>
public static class ProbeFactory
{
    /// <param name="config">The validated <c>probe</c> section.</param>
    /// <param name="cache">Where corpus item results are cached (the repository's journal); null for none.
    /// A one-command probe is never cached: no key could name everything its result depends on.</param>
    /// <param name="runner">Runs the steps; a new one when null.</param>
    public static IProbe Create(ProbeConfig config, ProbeCache? cache = null, ProcessRunner? runner = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        runner ??= new ProcessRunner();
        return config switch
        {
            { Corpus: not null } => new CorpusProbe(config, cache, runner),
            { Command: not null } => new CommandProbe(config, runner),
            _ => throw new ArgumentException("A probe configuration needs a command or a corpus.", nameof(config)),
        };
    }
}
