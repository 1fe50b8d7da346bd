using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Probing;

/// <summary>A throwaway repository for probe tests, with corpus items in gcc's one-line format that `cat` prints back.</summary>
internal sealed class ProbeRepo : IDisposable
{
    private readonly TempDir _dir = new("probe");

    public string Root => _dir.Path;

    public string this[string relative] => _dir[relative];

    public string Write(string relative, string content) => _dir.Write(relative, content);

    /// <summary>An item whose "compiler output" is <paramref name="lines"/>.</summary>
    public string AddItem(string name, params string[] lines) => Write($"items/{name}", string.Concat(lines.Select(l => l + "\n")));

    /// <summary>A corpus of items/*.txt with the given steps (default: cat the item), read as gcc output.</summary>
    public static ProbeConfig Corpus(IReadOnlyList<IReadOnlyList<string>>? steps = null, int jobs = 2, TimeSpan? itemTimeout = null,
        IReadOnlyList<string>? inputs = null) => new()
        {
            Jobs = jobs,
            ItemTimeout = itemTimeout ?? TimeSpan.FromSeconds(30),
            Corpus = new CorpusConfig
            {
                Items = ["items/*.txt"],
                Steps = steps ?? [["cat", "{item}"]],
                Inputs = inputs ?? [],
                Format = DiagnosticFormat.Gcc,
            },
        };

    /// <summary>A nightshift.yml whose probe section is <paramref name="probe"/> (indented YAML under 'probe:').</summary>
    public void Config(string probe) => Write("nightshift.yml", $"version: 1\nprobe:\n{probe}");

    /// <summary>The gcc-corpus nightshift.yml matching <see cref="Corpus"/>.</summary>
    public void CorpusConfig(string steps = "      - [cat, \"{item}\"]", string extra = "") =>
        Config($"  corpus:\n    items: \"items/*.txt\"\n    steps:\n{steps}\n    format: gcc\n  item_timeout: 20s\n{extra}");

    public void Dispose() => _dir.Dispose();
}
