using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Execution;

namespace Nightshift.Probing;

/// <summary>
/// The cache key of a corpus item's result: a SHA-256 over everything the result depends on, namely the
/// item's relative path and content, the step templates, the content of every declared input, the version
/// of every step program and the output format (with its pattern). Whatever is not named here and still
/// matters (a script a step runs) belongs in <c>probe.corpus.inputs</c>.
/// One fingerprint serves one probe run: inputs and tool versions are read once and shared by all items.
/// </summary>
internal sealed class CorpusFingerprint
{
    // Bumped whenever the key's parts or the cached JSON change meaning, so older entries simply miss.
    private const string KeyVersion = "nightshift-probe-cache/1";

    private readonly CorpusConfig _corpus;
    private readonly string? _pattern;
    private readonly string _root;
    private readonly ToolVersions _tools;
    private readonly Lazy<Task<string>> _shared;

    // runCancellation is the probe run's token: the shared part is computed once, for all items.
    public CorpusFingerprint(ProbeConfig config, string root, ProcessRunner runner, CancellationToken runCancellation)
    {
        _corpus = config.Corpus ?? throw new ArgumentException("The probe configuration has no corpus.", nameof(config));
        _pattern = config.Pattern;
        _root = root;
        _tools = new ToolVersions(runner, root);
        _shared = new Lazy<Task<string>>(() => SharedPartAsync(runCancellation));
    }

    /// <summary>The key of <paramref name="item"/> (relative to the root), or null when the item cannot be read.</summary>
    public async Task<string?> KeyAsync(string item, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(Path.Combine(_root, item), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone or unreadable since the glob ran: the steps will say so, and such a result is not worth keeping.
            return null;
        }

        var shared = await _shared.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Hash([KeyVersion, shared, item, Convert.ToHexStringLower(SHA256.HashData(content))]);
    }

    private async Task<string> SharedPartAsync(CancellationToken cancellationToken)
    {
        var parts = new List<string>
        {
            _corpus.Format.Name(),
            _pattern ?? "",
            JsonSerializer.Serialize(_corpus.Steps),
        };
        foreach (var input in _corpus.Inputs)
        {
            parts.Add(input);
            parts.Add(await InputHashAsync(Path.GetFullPath(input, _root), cancellationToken).ConfigureAwait(false));
        }

        // Named by the template, not the filled-in path: a program under {root} is the same tool in every checkout.
        foreach (var program in _corpus.Steps.Select(step => step[0]).Distinct(StringComparer.Ordinal))
        {
            parts.Add(program);
            parts.Add(await _tools.OfAsync(StepTemplate.Program([program], _root), cancellationToken).ConfigureAwait(false));
        }

        return Hash(parts);
    }

    /// <summary>A file's content hash; for a folder, the hash of every file in it with its relative path.</summary>
    private static async Task<string> InputHashAsync(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            await using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        if (!Directory.Exists(path))
        {
            // A missing input is a state too: its later appearance must change the key.
            return "missing";
        }

        var parts = new List<string>();
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            parts.Add(Path.GetRelativePath(path, file));
            parts.Add(await InputHashAsync(file, cancellationToken).ConfigureAwait(false));
        }

        return Hash(parts);
    }

    // The parts go in as a JSON array, so no two different lists of parts can produce the same bytes.
    private static string Hash(IReadOnlyList<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(parts))));
}
