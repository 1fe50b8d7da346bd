namespace Nightshift;

/// <summary>The process exit codes of every Nightshift command; scripts and CI depend on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageOrConfig = 2;
    public const int Locked = 3;
}
