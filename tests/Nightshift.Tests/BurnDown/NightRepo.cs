using System.Text.Json.Nodes;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.BurnDown;

/// <summary>
/// A small real burn-down target in a temp git repository: the example crate (with its passing cargo tests) and eight
/// programs of its corpus — three rustc suggestions can fix (E0308 ×3, E0599 ×2, E0596 ×1) and one they cannot (E0277 ×2).
/// A clean night with the offline agent lands exactly three fixes and sets E0277 aside.
/// </summary>
public sealed class NightRepo : IDisposable
{
    public static readonly string[] Programs =
    [
        "p001_owned_greeting.rs", "p002_borrow_slice_argument.rs", "p003_widen_checksum.rs",
        "p010_stack_push_typo.rs", "p011_shout_uppercase.rs",
        "p017_buffer_not_mut.rs",
        "p023_index_by_u32.rs", "p024_display_point.rs",
    ];

    /// <summary>
    /// The subjects a clean night lands, oldest first: largest cluster first, each brought to zero. The offline agent says
    /// nothing of its own, so each subject names the files it changed.
    /// </summary>
    public static readonly string[] CleanSubjects =
    [
        "NS-0001: corpus/p001_owned_greeting.rs and 2 more",
        "NS-0002: corpus/p010_stack_push_typo.rs, corpus/p011_shout_uppercase.rs",
        "NS-0003: corpus/p017_buffer_not_mut.rs",
    ];

    /// <summary>What the verifier saw fixed, the first line of each body of <see cref="CleanSubjects"/>.</summary>
    public static readonly string[] CleanOutcomes = ["fix E0308 (3 -> 0)", "fix E0599 (2 -> 0)", "fix E0596 (1 -> 0)"];

    private NightRepo(GitRepo repo) => Repo = repo;

    public GitRepo Repo { get; }

    public string Path => Repo.Path;

    public string NightshiftDirectory => Repo[".nightshift"];

    /// <param name="tests">The test command (an argument list as YAML flow sequence); cargo's by default.</param>
    /// <param name="hours">The time budget (<c>limits.hours</c>).</param>
    /// <param name="ticketStart">The first ticket number (<c>landing.ticket_start</c>).</param>
    /// <param name="minFreeDisk">The free-disk guard (<c>limits.min_free_disk</c>).</param>
    public static async Task<NightRepo> CreateAsync(
        string tests = "[cargo, test, --offline]", string hours = "10m", int ticketStart = 1, string minFreeDisk = "100MB")
    {
        var repo = await GitRepo.InitAsync("night");
        File.Delete(repo["README.md"]);
        File.Delete(repo["src/lib.rs"]);
        File.Delete(repo[".gitignore"]);
        RustCorpus.CopyTo(repo.Path);
        foreach (var program in Directory.GetFiles(repo["corpus"]).Where(p => !Programs.Contains(System.IO.Path.GetFileName(p))))
        {
            File.Delete(program);
        }

        repo.Write("nightshift.yml", $"""
            version: 1
            probe:
              corpus:
                items: "corpus/*.rs"
                steps:
                  - [rustc, --edition=2021, --error-format=json, --emit=metadata, --crate-name, "{"{stem}"}", -o, "{"{work}/{stem}"}.rmeta", "{"{item}"}"]
                format: rustc-json
            tests:
              command: {tests}
              format: cargo-test
            agent:
              provider: suggest
            limits:
              hours: {hours}
              min_free_disk: {minFreeDisk}
              attempts_per_cluster: 1
              max_consecutive_rejections: 20
            landing:
              branch: "nightshift/test"
              ticket: "NS-{"{n:0000}"}"
              ticket_start: {ticketStart}
            """);
        await repo.CommitAllAsync("the corpus");
        return new NightRepo(repo);
    }

    /// <summary>The session branch's commits, oldest first, as "subject".</summary>
    public async Task<IReadOnlyList<string>> SubjectsAsync(string branch = "nightshift/test") =>
        (await Repo.GitAsync("log", "--reverse", "--format=%s", $"main..{branch}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every line of events.jsonl whose kind is <paramref name="kind"/>.</summary>
    public IReadOnlyList<JsonNode> Events(string kind) => [.. AllEvents().Where(e => e["kind"]?.GetValue<string>() == kind)];

    private IReadOnlyList<JsonNode> AllEvents()
    {
        var path = System.IO.Path.Combine(NightshiftDirectory, "events.jsonl");
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)];
    }

    /// <summary>Starts <c>nightshift args</c> as a real process in the repository.</summary>
    public RunningNight Start(params string[] args)
    {
        var before = AllEvents().GroupBy(e => e["kind"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        var process = CliRun.Start(Path, args);
        process.StandardInput.Close();
        return new RunningNight(this, before, process);
    }

    public void Dispose() => Repo.Dispose();
}
