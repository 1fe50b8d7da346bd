namespace Nightshift.Agents.BuiltIn;

/// <summary>The <c>agent:</c> configuration cannot work (unknown provider, unset key variable, missing template).</summary>
public sealed class AgentConfigurationException(string message) : NightshiftException(message)
{
    public override int ExitCode => ExitCodes.UsageOrConfig;
}
