using Nightshift.Diagnostics;

namespace Nightshift.Agents.Local;

/// <summary>
/// How bad a re-check came out. A change is an improvement when it leaves fewer errors, or as many errors
/// and fewer warnings (so a lint cluster can be worked down too); trading one error for another is not.
/// </summary>
internal readonly record struct CheckMeasure(int Errors, int Warnings)
{
    public static CheckMeasure Of(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics as IReadOnlyCollection<Diagnostic> ?? [.. diagnostics];
        return new(list.Count(d => d.Severity == Severity.Error), list.Count(d => d.Severity == Severity.Warning));
    }

    public bool IsBetterThan(CheckMeasure other) =>
        Errors < other.Errors || (Errors == other.Errors && Warnings < other.Warnings);

    public override string ToString() => $"{Errors} errors, {Warnings} warnings";
}
