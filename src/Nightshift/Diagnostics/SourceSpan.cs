namespace Nightshift.Diagnostics;

/// <summary>
/// A region of a source file as the tool reported it: the path as printed (relative paths stay
/// relative to the tool's working directory), 1-based lines and columns, and an end column one
/// past the last character, as rustc and gcc's fix-its give it. Parts a tool does not give are
/// null rather than guessed: pytest's summary names a file but no line, and Python prints a
/// dedented source line, so its caret column is not the file's column.
/// </summary>
public sealed record SourceSpan(
    string File,
    int? Line,
    int? Column = null,
    int? EndLine = null,
    int? EndColumn = null,
    string? Label = null);
