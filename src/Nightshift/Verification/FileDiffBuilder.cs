namespace Nightshift.Verification;

/// <summary>What the headers and hunks of one file in a diff have said so far.</summary>
internal sealed class FileDiffBuilder
{
    /// <summary>git's mode of a symbolic link; the link's target is its content.</summary>
    private const string SymlinkMode = "120000";

    private (string? Old, string? New) _header;
    private string? _oldMarker;
    private string? _newMarker;
    private bool _newMarkerSeen;
    private string? _from;
    private string? _to;
    private FileChangeKind _kind = FileChangeKind.Modified;
    private bool _isBinary;
    private string? _newMode;

    public bool HasHunks { get; set; }

    public bool OldMarkerSeen { get; private set; }

    public List<DiffLine> Added { get; } = [];

    public List<DiffLine> Removed { get; } = [];

    public static FileDiffBuilder FromGitHeader(string names) => new() { _header = GitPaths.FromGitHeader(names) };

    /// <summary>The path on a "---" line; null for /dev/null.</summary>
    public void OldMarker(string? path)
    {
        _oldMarker = path;
        OldMarkerSeen = true;
    }

    /// <summary>The path on a "+++" line; null for /dev/null.</summary>
    public void NewMarker(string? path)
    {
        _newMarker = path;
        _newMarkerSeen = true;
    }

    /// <summary>git's extended header lines; anything else (index, similarity, mode lines, prose) says nothing we need.</summary>
    public void ExtendedHeader(string line)
    {
        if (line.StartsWith("new file mode ", StringComparison.Ordinal))
        {
            _kind = FileChangeKind.Added;
            _newMode = line["new file mode ".Length..].Trim();
        }
        else if (line.StartsWith("new mode ", StringComparison.Ordinal))
        {
            _newMode = line["new mode ".Length..].Trim();
        }
        else if (line.StartsWith("index ", StringComparison.Ordinal) && line.Split(' ') is [_, _, var mode])
        {
            // "index abc..def 120000": the mode of a file whose mode did not change.
            _newMode ??= mode;
        }
        else if (line.StartsWith("deleted file mode ", StringComparison.Ordinal))
        {
            _kind = FileChangeKind.Deleted;
        }
        else if (TryRest(line, "rename from ", out var renamedFrom) || TryRest(line, "copy from ", out renamedFrom))
        {
            _kind = line[0] == 'r' ? FileChangeKind.Renamed : FileChangeKind.Copied;
            _from = GitPaths.Unquote(renamedFrom);
        }
        else if (TryRest(line, "rename to ", out var renamedTo) || TryRest(line, "copy to ", out renamedTo))
        {
            _to = GitPaths.Unquote(renamedTo);
        }
        else if (line.StartsWith("Binary files ", StringComparison.Ordinal) || line == "GIT binary patch")
        {
            _isBinary = true;
        }
    }

    /// <summary>The file, or null when nothing named one (a stray "diff" line).</summary>
    public FileDiff? Build()
    {
        var oldPath = OldMarkerSeen ? _oldMarker : _from ?? _header.Old;
        var newPath = _newMarkerSeen ? _newMarker : _to ?? _header.New;
        var kind = _kind;
        if (OldMarkerSeen && _oldMarker is null)
        {
            kind = FileChangeKind.Added;
        }
        else if (_newMarkerSeen && _newMarker is null)
        {
            kind = FileChangeKind.Deleted;
        }

        // A binary or mode-only addition has no "---" line, only the header's two equal names.
        if (kind == FileChangeKind.Added)
        {
            oldPath = null;
        }
        else if (kind == FileChangeKind.Deleted)
        {
            newPath = null;
        }

        if (oldPath is null && newPath is null)
        {
            return null;
        }

        return new FileDiff(oldPath, newPath, kind, _isBinary, [.. Added], [.. Removed]) { IsSymlink = _newMode == SymlinkMode && newPath is not null };
    }

    private static bool TryRest(string line, string prefix, out string rest)
    {
        rest = line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..] : "";
        return rest.Length > 0;
    }
}
