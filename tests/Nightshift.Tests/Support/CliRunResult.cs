namespace Nightshift.Tests.Support;

/// <summary>What one run of the nightshift CLI ended with and wrote.</summary>
public sealed record CliRunResult(int ExitCode, string Out, string Err);
