using System.Globalization;
using System.Text.RegularExpressions;
using Nightshift.Diagnostics.Parsers;

namespace Nightshift.Verification;

/// <summary>
/// Reads unified diff text line by line. Hunk lines are counted against their header, so a removed
/// line that reads "--- x" or an added one that reads "+++ y" stays content rather than starting a
/// new file, which is how git apply reads a diff too.
/// </summary>
internal sealed partial class UnifiedDiffParser
{
    private readonly List<FileDiff> _files = [];
    private FileDiffBuilder? _file;
    private int _oldLeft;
    private int _newLeft;
    private int _oldLine;
    private int _newLine;

    private bool InHunk => _oldLeft > 0 || _newLeft > 0;

    public UnifiedDiff Parse(string text)
    {
        // A diff taken with color.ui=always would otherwise read as no change at all.
        foreach (var line in OutputText.Lines(text))
        {
            if (!InHunk || !TryHunkLine(line))
            {
                HeaderLine(line);
            }
        }

        Finish();
        return _files.Count == 0 ? UnifiedDiff.Empty : new UnifiedDiff(_files);
    }

    private bool TryHunkLine(string line)
    {
        switch (line.Length == 0 ? ' ' : line[0])
        {
            case '+':
                _file!.Added.Add(new DiffLine(_newLine++, line[1..]));
                _newLeft--;
                return true;
            case '-':
                _file!.Removed.Add(new DiffLine(_oldLine++, line[1..]));
                _oldLeft--;
                return true;
            case ' ':
                _oldLine++;
                _newLine++;
                _oldLeft--;
                _newLeft--;
                return true;
            case '\\':
                // "\ No newline at end of file" belongs to the line before it.
                return true;
            default:
                // A hunk shorter than its header says: the diff was cut; read on as headers.
                _oldLeft = _newLeft = 0;
                return false;
        }
    }

    private void HeaderLine(string line)
    {
        if (line.StartsWith("diff --git ", StringComparison.Ordinal))
        {
            Finish();
            _file = FileDiffBuilder.FromGitHeader(line["diff --git ".Length..]);
            return;
        }

        if (line.StartsWith("--- ", StringComparison.Ordinal) && _file is not { HasHunks: false, OldMarkerSeen: false })
        {
            // Plain diff -u output has no "diff --git" line: a file starts at its "---".
            Finish();
            _file = new FileDiffBuilder();
        }

        if (_file is null)
        {
            return;
        }

        if (line.StartsWith("@@ ", StringComparison.Ordinal))
        {
            StartHunk(line);
        }
        else if (line.StartsWith("--- ", StringComparison.Ordinal))
        {
            _file.OldMarker(GitPaths.FromMarker(line[4..]));
        }
        else if (line.StartsWith("+++ ", StringComparison.Ordinal))
        {
            _file.NewMarker(GitPaths.FromMarker(line[4..]));
        }
        else
        {
            _file.ExtendedHeader(line);
        }
    }

    private void StartHunk(string line)
    {
        if (HunkHeader().Match(line) is not { Success: true } header)
        {
            return;
        }

        _oldLine = Number(header.Groups["old"]);
        _oldLeft = header.Groups["oldCount"].Success ? Number(header.Groups["oldCount"]) : 1;
        _newLine = Number(header.Groups["new"]);
        _newLeft = header.Groups["newCount"].Success ? Number(header.Groups["newCount"]) : 1;
        _file!.HasHunks = true;
    }

    private void Finish()
    {
        if (_file?.Build() is { } file)
        {
            _files.Add(file);
        }

        _file = null;
        _oldLeft = _newLeft = 0;
    }

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^@@ -(?<old>\d+)(?:,(?<oldCount>\d+))? \+(?<new>\d+)(?:,(?<newCount>\d+))? @@")]
    private static partial Regex HunkHeader();
}
