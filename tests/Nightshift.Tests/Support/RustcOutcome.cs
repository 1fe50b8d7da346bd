namespace Nightshift.Tests.Support;

/// <summary>What rustc said about one file: its exit code and how many error-level diagnostics it gave per code.</summary>
public sealed record RustcOutcome(string File, int ExitCode, IReadOnlyDictionary<string, int> ErrorCodes)
{
    public int Errors => ErrorCodes.Values.Sum();

    public bool Compiles => ExitCode == 0;
}
