namespace Nightshift.Workloads.Learn.Datasets;

/// <summary>
/// Written next to every dataset (<c>train.jsonl</c> → <c>train.manifest.json</c>): what it holds, where each
/// line came from, and the SHA-256 of the file, so a trained model can be traced to its exact data.
/// </summary>
/// <param name="Dataset">The dataset file, absolute.</param>
/// <param name="Sha256">Of the dataset file's bytes.</param>
/// <param name="CreatedAt">When the dataset was built.</param>
/// <param name="Format">Always <c>chat-messages-jsonl</c>.</param>
/// <param name="Counts">What was read, kept and left out.</param>
/// <param name="Sources">What the dataset was built from and with.</param>
/// <param name="Examples">One entry per line of the dataset, in order.</param>
public sealed record DatasetManifest(
    string Dataset,
    string Sha256,
    DateTimeOffset CreatedAt,
    string Format,
    DatasetCounts Counts,
    DatasetSources Sources,
    IReadOnlyList<DatasetManifestEntry> Examples)
{
    public const string ChatMessagesFormat = "chat-messages-jsonl";

    /// <summary>The per-family datasets written beside this one (<c>--per-family</c>); empty when it was not split.</summary>
    public IReadOnlyList<DatasetFamily> Families { get; init; } = [];

    /// <summary>Where the manifest of <paramref name="datasetPath"/> goes: same folder, same stem, <c>.manifest.json</c>.</summary>
    public static string PathFor(string datasetPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(datasetPath))!, Path.GetFileNameWithoutExtension(datasetPath) + ".manifest.json");
}
