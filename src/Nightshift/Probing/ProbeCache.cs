using System.Text.Json;
using Nightshift.Diagnostics;
using Nightshift.Store;

namespace Nightshift.Probing;

/// <summary>
/// Corpus item results kept in the journal's probe cache under a key that names everything the result depends
/// on (see <see cref="CorpusFingerprint"/>), so an entry is never stale and never needs invalidating. The key
/// holds the item's path relative to the root and its content, not the checkout, so a worktree of the
/// repository finds the results of every item it did not change: that is what makes re-probing incremental.
/// </summary>
public sealed class ProbeCache(Journal journal)
{
    private readonly Journal _journal = journal ?? throw new ArgumentNullException(nameof(journal));

    /// <summary>The cached result under <paramref name="key"/>; null when there is none or it cannot be read.</summary>
    internal async Task<CachedItem?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (await _journal.GetCachedProbeAsync(key, cancellationToken).ConfigureAwait(false) is not { } json)
        {
            return null;
        }

        try
        {
            var item = JsonSerializer.Deserialize<CachedItem>(json, DiagnosticJson.Options);
            return item?.Diagnostics is null ? null : item;
        }
        catch (JsonException)
        {
            // Written by another version or damaged: a miss, and the fresh result will replace it.
            return null;
        }
    }

    internal Task PutAsync(string key, CachedItem item, CancellationToken cancellationToken) =>
        _journal.CacheProbeAsync(key, JsonSerializer.Serialize(item, DiagnosticJson.Options), cancellationToken);
}

/// <summary>What the cache keeps of one item's run.</summary>
internal sealed record CachedItem(IReadOnlyList<Diagnostic> Diagnostics, int ExitCode);
