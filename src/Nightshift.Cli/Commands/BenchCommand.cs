using System.CommandLine;
using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Workloads.Bench.Results;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift bench</c>: score agents on suites of known tasks (<c>run</c>) and report on it (<c>report</c>).</summary>
internal static class BenchCommand
{
    public static Command Create(GlobalOptions globals, CliHost host) => new(
        "bench",
        "Score agents on a suite of tasks with hidden acceptance tests, repeated in isolation, and report pass rates with " +
        "confidence intervals. Example: nightshift bench run examples/bench/rust.yml --jobs 2")
    {
        BenchRunCommand.Create(globals, host),
        BenchReportCommand.Create(globals, host),
    };

    /// <summary>
    /// The configuration, when there is one (--config, or a nightshift.yml found upwards); a bench needs none,
    /// but takes its jobs, disk threshold and agent settings from it when present.
    /// </summary>
    public static NightshiftConfig? LoadConfig(ParseResult parseResult, GlobalOptions globals, CliHost host) =>
        globals.LoadOptionalConfig(parseResult, host);

    /// <summary>Benches live in the project's .nightshift/: next to nightshift.yml, else in the current directory.</summary>
    public static BenchStore Store(NightshiftConfig? config, CliHost host) =>
        new(NightshiftPaths.For(config?.RepositoryRoot ?? host.WorkingDirectory).Bench);
}
