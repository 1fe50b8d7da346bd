using System.Globalization;

namespace Nightshift.Files;

/// <summary>
/// The layout of a repository's <c>.nightshift/</c> folder: every file and folder Nightshift keeps there is named
/// here and nowhere else (issue 15). Paths only; writing a file stays with its owner (<see cref="AtomicFile"/>,
/// <see cref="JsonLines"/>), and the one folder this type creates is <see cref="Root"/> itself.
/// </summary>
public sealed partial record NightshiftPaths
{
    /// <summary>The folder's name in the repository root, and a name that walks over a checkout skip.</summary>
    public const string DirectoryName = ".nightshift";

    /// <summary>Where generated configurations have tests write their reports, relative to the checkout they run in.</summary>
    public const string TestResultsFolder = DirectoryName + "/test-results";

    private NightshiftPaths(string root) => Root = root;

    /// <summary>The <c>.nightshift</c> folder of the repository at <paramref name="repositoryRoot"/> (made absolute).</summary>
    public static NightshiftPaths For(string repositoryRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        return new(Path.Combine(Path.GetFullPath(repositoryRoot), DirectoryName));
    }

    /// <summary>The <c>.nightshift</c> folder itself, absolute.</summary>
    public string Root { get; }

    /// <summary>The repository whose folder this is.</summary>
    public string RepositoryRoot => Path.GetDirectoryName(Root)!;

    /// <summary>The journal, one SQLite file: <c>nightshift.db</c>.</summary>
    public string Journal => In("nightshift.db");

    /// <summary>The single-instance session lock: <c>lock</c>.</summary>
    public string Lock => In("lock");

    /// <summary>What the session is doing now, rewritten whole: <c>status.json</c>.</summary>
    public string Status => In("status.json");

    /// <summary>Every journaled step of every session: <c>events.jsonl</c>.</summary>
    public string Events => In("events.jsonl");

    /// <summary>Every alert of every session: <c>alerts.jsonl</c>.</summary>
    public string Alerts => In("alerts.jsonl");

    /// <summary>Every diagnostic of every journaled snapshot: <c>diagnostics.jsonl</c>.</summary>
    public string Diagnostics => In("diagnostics.jsonl");

    /// <summary>Every eval, training run and gate decision of the learn workload: <c>metrics.jsonl</c>.</summary>
    public string Metrics => In("metrics.jsonl");

    /// <summary>Agent transcripts, one JSON-lines file per attempt or task: <c>transcripts/</c>.</summary>
    public string Transcripts => In("transcripts");

    /// <summary>Attempt worktrees, one folder per attempt: <c>worktrees/</c>.</summary>
    public string Worktrees => In("worktrees");

    /// <summary>Scratch indexes and patch files of the git layer: <c>tmp/</c>.</summary>
    public string Scratch => In("tmp");

    /// <summary>What a corpus probe generated for an attempt's sample items, shown to its agent: <c>generated/</c>.</summary>
    public string Generated => In("generated");

    /// <summary>Build outputs kept warm between a worker's attempts: <c>target/</c>.</summary>
    public string BuildOutputs => In("target");

    /// <summary>Benches, one folder per bench: <c>bench/</c>.</summary>
    public string Bench => In("bench");

    /// <summary>The learn workload's cycles (unless <c>train.output</c> says otherwise): <c>models/</c>.</summary>
    public string Models => In("models");

    /// <summary>Data sets exported from the journal (unless <c>--out</c> says otherwise): <c>datasets/</c>.</summary>
    public string Datasets => In("datasets");

    /// <summary>HTML reports of report, learn and demo (unless <c>--out</c> says otherwise): <c>reports/</c>.</summary>
    public string Reports => In("reports");

    /// <summary>Crash-watch's own state: <c>crash-watch/</c>.</summary>
    public string CrashWatch => In("crash-watch");

    /// <summary>The releases crash-watch builds and deploys: <c>crash-watch/releases/</c>.</summary>
    public string Releases => Path.Combine(CrashWatch, "releases");

    /// <summary>The crash reports crash-watch queued: <c>crash-watch/reports/</c>.</summary>
    public string CrashReports => Path.Combine(CrashWatch, "reports");

    /// <summary>How far crash-watch has read each watched file: <c>crash-watch/offsets.json</c>.</summary>
    public string CrashOffsets => Path.Combine(CrashWatch, "offsets.json");

    /// <summary>The cores crash-watch exported with <c>coredumpctl dump</c>, for gdb to read: <c>crash-watch/cores/</c>.</summary>
    public string CoreExports => Path.Combine(CrashWatch, "cores");

    /// <summary>The service crash-watch runs (release, pid): <c>crash-watch/service.json</c>.</summary>
    public string ServiceState => Path.Combine(CrashWatch, "service.json");

    /// <summary>The output of the service crash-watch runs: <c>crash-watch/service.log</c>.</summary>
    public string ServiceLog => Path.Combine(CrashWatch, "service.log");

    /// <summary>The transcript of one attempt (or task) under <see cref="Transcripts"/>; the id is made a safe file name.</summary>
    public string TranscriptFor(string attemptOrTaskId)
    {
        ArgumentNullException.ThrowIfNull(attemptOrTaskId);
        return Path.Combine(Transcripts, SafeFileName.From(attemptOrTaskId) + ".jsonl");
    }

    /// <summary>The generated outputs of one attempt's sample items under <see cref="Generated"/>.</summary>
    public string GeneratedFor(string attemptId)
    {
        ArgumentNullException.ThrowIfNull(attemptId);
        return Path.Combine(Generated, SafeFileName.From(attemptId));
    }

    /// <summary>The build outputs of worker <paramref name="worker"/> under <see cref="BuildOutputs"/>.</summary>
    public string BuildOutputsOf(int worker) =>
        Path.Combine(BuildOutputs, $"worker-{worker.ToString(CultureInfo.InvariantCulture)}");

    private string In(string name) => Path.Combine(Root, name);
}
