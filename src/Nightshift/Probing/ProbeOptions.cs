namespace Nightshift.Probing;

/// <summary>How one run of a probe behaves.</summary>
public sealed record ProbeOptions
{
    /// <summary>Everything, with the cache: the normal run.</summary>
    public static ProbeOptions Default { get; } = new();

    /// <summary>
    /// Whether cached item results may be reused. Fresh results are cached either way, so a
    /// <c>--no-cache</c> run also repairs the cache.
    /// </summary>
    public bool UseCache { get; init; } = true;

    /// <summary>
    /// Corpus items to probe (paths relative to the root, '/' separated), or null for all of them. Items the
    /// corpus globs do not match are ignored. A one-command probe has no items and ignores this.
    /// </summary>
    public IReadOnlyCollection<string>? Items { get; init; }

    /// <summary>
    /// Variables every step gets: a worker's (its own <c>CARGO_TARGET_DIR</c>, <c>workspace.env</c>), so a build a step
    /// runs is incremental per worker. They are not part of an item's cache key.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// Where to keep what the steps wrote into each item's scratch folder (a generator's outputs), one folder per item
    /// (<c>KeepOutputsIn/corpus/p003.in/</c>), instead of deleting it; null keeps nothing. Only items that ran keep
    /// outputs, so callers that want them for every item also turn the cache off.
    /// </summary>
    public string? KeepOutputsIn { get; init; }

    /// <summary>Folders outside the root that steps may write: the worker's build outputs.</summary>
    public IReadOnlyList<string> BuildOutputs { get; init; } = [];
}
