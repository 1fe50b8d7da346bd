using System.CommandLine;
using System.Runtime.InteropServices;
using Nightshift.Cli.Rendering;
using Nightshift.Configuration;
using Nightshift.Files;
using Nightshift.Workloads.Bench.Results;
using Nightshift.Workloads.Bench.Running;
using Nightshift.Workloads.Bench.Suites;

namespace Nightshift.Cli.Commands;

/// <summary><c>nightshift bench run SUITE.yml</c>: runs (or resumes) a bench; progress on stderr, the summary on stdout.</summary>
internal static class BenchRunCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var suiteArgument = new Argument<string>("SUITE") { Description = "The suite file (YAML)" };
        var jobs = new Option<int?>("--jobs", "-j")
        {
            Description = "Runs at once (default: bench.jobs of nightshift.yml, else 1; 0 means one per core)",
            HelpName = "N",
        };
        var repeat = new Option<int?>("--repeat")
        {
            Description = "Runs per task and agent, overriding the suite (and every phase of its timeline)",
            HelpName = "N",
        };
        var resume = new Option<string?>("--resume")
        {
            Description = "Finish an interrupted bench: runs already recorded are skipped ('last' for the latest)",
            HelpName = "BENCH_ID",
        };
        var agents = new Option<string[]>("--agent")
        {
            Description = "Run only this agent (a name from the suite, or reference / none); repeat for several",
            HelpName = "NAME",
        };
        var maxStarts = new Option<int?>("--max-starts-per-minute")
        {
            Description = "Start at most N runs in any minute (for rate-limited endpoints)",
            HelpName = "N",
        };
        OptionRanges.Within(jobs, 0, Parallelism.MaxJobs);
        OptionRanges.AtLeast(repeat, 1);
        OptionRanges.AtLeast(maxStarts, 1);

        var command = new Command(
            "run",
            "Run every task of a suite with every agent, each run in a fresh copy of its workspace, and record pass/fail with a " +
            "failure class; exits 1 if the bench stopped early. Example: nightshift bench run examples/bench/rust.yml --jobs 2")
        {
            suiteArgument, jobs, repeat, resume, agents, maxStarts,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var config = BenchCommand.LoadConfig(parseResult, globals, host);
            var store = BenchCommand.Store(config, host);
            var suite = SuiteLoader.Load(host.ResolvePath(parseResult.GetValue(suiteArgument)!));
            var runner = await SandboxedRunner.CreateAsync(config?.Sandbox, host, cancellationToken);
            var options = new BenchRunOptions
            {
                Paths = NightshiftPaths.For(config?.RepositoryRoot ?? host.WorkingDirectory),
                ResumeId = parseResult.GetValue(resume) is { } id ? store.Resolve(id) : null,
                Jobs = parseResult.GetValue(jobs) ?? config?.Bench.Jobs ?? 1,
                Repeat = parseResult.GetValue(repeat),
                AgentFilter = parseResult.GetValue(agents) ?? [],
                MinFreeDiskBytes = (config?.Limits ?? new LimitsConfig()).MinFreeDiskBytes,
                MaxStartsPerMinute = parseResult.GetValue(maxStarts),
            };

            // SIGINT and SIGTERM stop the bench the orderly way: runs in flight are stopped (tree and all) and
            // left unrecorded, bench.json says "interrupted", and --resume picks up from there.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel(stop));
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel(stop));

            var progress = new BenchProgress(host.Error, parseResult.GetValue(globals.Verbose));
            var gate = new EndpointPauseGate();
            var factory = new BenchAgentFactory(config, runner, gate, progress.Report);
            var outcome = await new BenchRunner(options, factory, gate, runner).RunAsync(suite, progress.Report, stop.Token);

            var summary = parseResult.GetValue(globals.Json)
                ? BenchRunSummary.Json(outcome, host.WorkingDirectory)
                : BenchRunSummary.Text(outcome, host.WorkingDirectory);
            await host.Out.WriteLineAsync(summary.AsMemory(), CancellationToken.None);
            return outcome.Manifest.Status == BenchState.Completed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static Action<PosixSignalContext> Cancel(CancellationTokenSource stop) => context =>
    {
        context.Cancel = true;
        stop.Cancel();
    };
}
