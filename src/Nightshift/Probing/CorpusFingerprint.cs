using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nightshift.Configuration;
using Nightshift.Diagnostics;
using Nightshift.Execution;
using Nightshift.Files;
using Nightshift.Git;

namespace Nightshift.Probing;

/// <summary>
/// The cache key of a corpus item's result: a SHA-256 over everything the result may depend on, namely the
/// item's relative path and content, the step templates, the version of every step program, the output format
/// (with its pattern) and the rest of the repository: by default every file git tracks except the corpus
/// items (the generator, its build files, a script a step runs), or, when <c>probe.corpus.inputs</c> is set,
/// only the files it names. So a change to the generator re-probes every item, and a change to one item
/// re-probes that item. A folder that is not a git checkout counts every file outside its dot-folders.
/// One fingerprint serves one probe run: the shared part is read once for all items.
/// </summary>
internal sealed class CorpusFingerprint
{
    // Bumped whenever the key's parts or the cached JSON change meaning, so older entries simply miss.
    private const string KeyVersion = "nightshift-probe-cache/2";

    private readonly CorpusConfig _corpus;
    private readonly HashSet<string> _items;
    private readonly string? _pattern;
    private readonly string _root;
    private readonly string _target;
    private readonly ToolVersions _tools;
    private readonly Lazy<Task<string>> _shared;

    // items: every item of the corpus, relative to the root (not only those probed this time), which the shared part leaves out.
    // runCancellation is the probe run's token: the shared part is computed once, for all items.
    public CorpusFingerprint(
        ProbeConfig config, string root, IReadOnlyList<string> items, string target, ProcessRunner runner, CancellationToken runCancellation)
    {
        _target = target;
        _corpus = config.Corpus ?? throw new ArgumentException("The probe configuration has no corpus.", nameof(config));
        _items = items.ToHashSet(StringComparer.Ordinal);
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
        parts.AddRange(_corpus.Inputs.Count > 0
            ? await InputsPartAsync(cancellationToken).ConfigureAwait(false)
            : await RepositoryPartAsync(cancellationToken).ConfigureAwait(false));

        // Named by the template, not the filled-in path: a program under {root} is the same tool in every checkout.
        foreach (var program in _corpus.Steps.Select(step => step[0]).Distinct(StringComparer.Ordinal))
        {
            parts.Add(program);
            parts.Add(await _tools.OfAsync(StepTemplate.Program([program], _root, _target), cancellationToken).ConfigureAwait(false));
        }

        return Hash(parts);
    }

    /// <summary>The declared inputs: files, folders (every file in them) or globs, each with its content.</summary>
    private async Task<List<string>> InputsPartAsync(CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var input in _corpus.Inputs)
        {
            parts.Add(input);
            if (input.AsSpan().IndexOfAny("*?[{") < 0)
            {
                parts.Add(await InputHashAsync(Path.GetFullPath(input, _root), cancellationToken).ConfigureAwait(false));
                continue;
            }

            foreach (var file in CorpusItems.Find(_root, [input]).Where(file => !_items.Contains(file)))
            {
                parts.Add(file);
                parts.Add(await InputHashAsync(Path.Combine(_root, file), cancellationToken).ConfigureAwait(false));
            }
        }

        return parts;
    }

    /// <summary>
    /// Every tracked file of the checkout but the items: the index's object id, or the content when the file on disk
    /// differs. Untracked files are left out (an attempt's new files are staged before it is measured).
    /// </summary>
    private async Task<List<string>> RepositoryPartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<TrackedFile> files;
        try
        {
            var repository = await GitRepository.OpenAsync(_root, cancellationToken: cancellationToken).ConfigureAwait(false);
            files = await repository.TrackedFilesAsync(_root, cancellationToken).ConfigureAwait(false);
        }
        catch (NightshiftException) when (!cancellationToken.IsCancellationRequested)
        {
            return await FolderPartAsync(cancellationToken).ConfigureAwait(false);
        }

        var parts = new List<string>();
        foreach (var file in files.Where(file => !_items.Contains(file.Path) && !IsOwnFolder(file.Path)))
        {
            parts.Add(file.Path);
            parts.Add(file.ChangedOnDisk
                ? await InputHashAsync(Path.Combine(_root, file.Path), cancellationToken).ConfigureAwait(false)
                : file.ObjectId);
        }

        return parts;
    }

    /// <summary>Not a git checkout: every file of the folder but the items and what is under a dot-folder (.git, .nightshift).</summary>
    private async Task<List<string>> FolderPartAsync(CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        var files = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(_root, file).Replace('\\', '/'))
            .Where(file => !_items.Contains(file) && !file.Split('/')[..^1].Any(folder => folder.StartsWith('.')))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            parts.Add(file);
            parts.Add(await InputHashAsync(Path.Combine(_root, file), cancellationToken).ConfigureAwait(false));
        }

        return parts;
    }

    private static bool IsOwnFolder(string path) => path.StartsWith(NightshiftPaths.DirectoryName + "/", StringComparison.Ordinal);

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
