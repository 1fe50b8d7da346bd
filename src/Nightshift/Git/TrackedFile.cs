namespace Nightshift.Git;

/// <summary>
/// A file git tracks, as the checkout has it: <paramref name="Path"/> relative to the folder that asked (a file
/// outside it starts with <c>../</c>), and the object id of its content in the index, unless
/// <paramref name="ChangedOnDisk"/>: then the file on disk differs from the index (edited, or deleted) and its
/// content has to be read.
/// </summary>
public sealed record TrackedFile(string Path, string ObjectId, bool ChangedOnDisk);
