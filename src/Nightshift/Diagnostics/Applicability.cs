namespace Nightshift.Diagnostics;

/// <summary>How safe a suggestion is to apply without reading it, in rustc's terms.</summary>
public enum Applicability
{
    /// <summary>Apply it blindly; the result compiles and means what was meant.</summary>
    MachineApplicable,

    /// <summary>Likely right, but may not compile or may change meaning.</summary>
    MaybeIncorrect,

    /// <summary>Contains placeholders such as <c>&lt;item&gt;</c> a person has to fill in.</summary>
    HasPlaceholders,

    /// <summary>The tool did not say (gcc and clang fix-its, human-format hints).</summary>
    Unspecified,
}
