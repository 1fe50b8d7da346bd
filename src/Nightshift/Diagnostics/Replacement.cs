namespace Nightshift.Diagnostics;

/// <summary>
/// One edit: replace <see cref="Span"/> with <see cref="Text"/> (an empty span inserts, empty
/// text deletes). rustc also gives byte offsets into the file, which are exact where columns
/// (counted in characters) are not; the offline fixer applies those when present.
/// </summary>
public sealed record Replacement(SourceSpan Span, string Text, int? ByteStart = null, int? ByteEnd = null);
