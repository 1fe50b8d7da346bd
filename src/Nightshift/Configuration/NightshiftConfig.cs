namespace Nightshift.Configuration;

/// <summary>
/// A loaded and validated <c>nightshift.yml</c>. Sections that have sensible defaults are never null;
/// sections that only make sense when written out (probe, tests, build, crash) are null when absent,
/// and the workloads that need them ask for them with <see cref="RequireProbe"/> and friends.
/// </summary>
public sealed record NightshiftConfig
{
    /// <summary>The only configuration format this build reads.</summary>
    public const int SupportedVersion = 1;

    /// <summary>The full path of the file this configuration was read from.</summary>
    public required string FilePath { get; init; }

    /// <summary>The directory relative paths in the configuration are resolved against: the file's directory.</summary>
    public required string RepositoryRoot { get; init; }

    public int Version { get; init; } = SupportedVersion;

    public ProbeConfig? Probe { get; init; }

    public TestsConfig? Tests { get; init; }

    public BuildConfig? Build { get; init; }

    public AgentConfig Agent { get; init; } = new();

    public LimitsConfig Limits { get; init; } = new();

    public LandingConfig Landing { get; init; } = new();

    public PolicyConfig Policy { get; init; } = new();

    public WorkspaceConfig Workspace { get; init; } = new();

    public BenchConfig Bench { get; init; } = new();

    public LearnConfig Learn { get; init; } = new();

    public CrashConfig? Crash { get; init; }

    public SandboxConfig Sandbox { get; init; } = new();

    /// <summary>A path from the configuration, made absolute against <see cref="RepositoryRoot"/>.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, RepositoryRoot);

    public ProbeConfig RequireProbe(string purpose) => Probe ?? throw Missing("probe", purpose);

    public TestsConfig RequireTests(string purpose) => Tests ?? throw Missing("tests", purpose);

    public BuildConfig RequireBuild(string purpose) => Build ?? throw Missing("build", purpose);

    public CrashConfig RequireCrash(string purpose) => Crash ?? throw Missing("crash", purpose);

    private ConfigException Missing(string section, string purpose) =>
        new($"{FilePath} has no '{section}' section, which {purpose} needs. " +
            $"Add one; 'nightshift init' writes a commented example of every section.");
}
