namespace Nightshift.Verification;

/// <summary>One added or removed line of a diff.</summary>
/// <param name="Line">1-based: the line's number in the new file for an added line, in the old file for a removed one.</param>
/// <param name="Text">The line without its leading '+' or '-'.</param>
public sealed record DiffLine(int Line, string Text);
