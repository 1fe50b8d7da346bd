namespace Nightshift.Configuration;

/// <summary>What <c>nightshift init</c> wrote: the file, and the toolchain it was written for (null if none was recognised).</summary>
public sealed record InitResult(string Path, Toolchain? Toolchain);
