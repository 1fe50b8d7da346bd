namespace Nightshift.Configuration;

/// <summary>
/// What a fix may do to clusters that are not errors (<c>policy.new_warnings</c>). Compilers report some warnings only
/// once the errors are gone (rustc's lints run after type checking), so a real fix of errors often reveals warnings
/// that were there all along.
/// </summary>
public enum NewWarnings
{
    /// <summary>Warnings may appear or grow; the verdict and the report name them as revealed.</summary>
    Reveal,

    /// <summary>Warnings are held to the rule errors are: no cluster may grow or appear beyond the tolerance.</summary>
    Reject,
}
