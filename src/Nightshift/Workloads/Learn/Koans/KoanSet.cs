using System.Security.Cryptography;
using System.Text;

namespace Nightshift.Workloads.Learn.Koans;

/// <summary>
/// A set of koans read from a manifest (<c>koans.yml</c>) and its fixed split into train and the frozen
/// eval set. Everything that must keep eval koans out of training asks this set (<see cref="IsEval"/>).
/// </summary>
public sealed partial class KoanSet
{
    public const string ManifestFileName = "koans.yml";

    private readonly Dictionary<string, Koan> _byId;

    private KoanSet(string root, IReadOnlyList<Koan> koans)
    {
        Root = root;
        Koans = koans;
        _byId = koans.ToDictionary(k => k.Id, StringComparer.Ordinal);
        EvalSetHash = HashIds(Eval.Select(k => k.Id));
    }

    /// <summary>The folder holding the manifest, absolute.</summary>
    public string Root { get; }

    /// <summary>Every koan, in manifest order.</summary>
    public IReadOnlyList<Koan> Koans { get; }

    public IEnumerable<Koan> Train => Koans.Where(k => k.Split == KoanSplit.Train);

    public IEnumerable<Koan> Eval => Koans.Where(k => k.Split == KoanSplit.Eval);

    /// <summary>
    /// SHA-256 (hex) of the eval ids, sorted and joined with newlines. Recorded with every eval so that
    /// results from different eval sets are never compared.
    /// </summary>
    public string EvalSetHash { get; }

    /// <summary>The koans shipped with Nightshift, copied next to the program.</summary>
    public static string BundledRoot => Path.Combine(AppContext.BaseDirectory, "koans");

    public Koan? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>True when <paramref name="id"/> names a koan of the frozen eval set.</summary>
    public bool IsEval(string id) => _byId.TryGetValue(id, out var koan) && koan.IsEval;

    /// <summary>SHA-256 (hex) of ids sorted ordinally and joined with '\n': the eval-set fingerprint.</summary>
    public static string HashIds(IEnumerable<string> ids)
    {
        var text = string.Join('\n', ids.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Reads and validates <c>koans.yml</c> in <paramref name="root"/> and every koan's files.</summary>
    /// <exception cref="KoanSetException">The manifest is missing or invalid; the message lists every problem.</exception>
    public static KoanSet Load(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var fullRoot = Path.GetFullPath(root);
        var manifest = Path.Combine(fullRoot, ManifestFileName);
        string text;
        try
        {
            text = File.ReadAllText(manifest);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new KoanSetException($"{manifest} does not exist: pass --koans with a folder that holds a {ManifestFileName}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KoanSetException($"{manifest} cannot be read: {e.Message}");
        }

        var problems = new List<string>();
        var koans = ReadManifest(text, fullRoot, problems);
        return problems.Count == 0
            ? new KoanSet(fullRoot, koans)
            : throw new KoanSetException(
                $"{problems.Count} problem(s) in {manifest}:{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems.Select(p => $"  {p}")));
    }
}
