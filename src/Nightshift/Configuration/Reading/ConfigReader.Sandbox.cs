namespace Nightshift.Configuration.Reading;

internal sealed partial class ConfigReader
{
    private static readonly string[] _sandboxKeys = ["mode", "network", "env", "bubblewrap"];

    /// <summary><c>sandbox: off</c> (a mode alone) or a mapping of <see cref="_sandboxKeys"/>.</summary>
    private static SandboxConfig ReadSandbox(MappingReader root)
    {
        var defaults = new SandboxConfig();
        if (root.Node("sandbox") is ScalarNode)
        {
            return defaults with { Mode = root.Choice<SandboxMode>("sandbox") ?? defaults.Mode };
        }

        if (root.Section("sandbox", _sandboxKeys) is not { } sandbox)
        {
            return defaults;
        }

        return new SandboxConfig
        {
            Mode = sandbox.Choice<SandboxMode>("mode") ?? defaults.Mode,
            Network = sandbox.Boolean("network") ?? defaults.Network,
            Env = sandbox.Read("env", ReadPassedVariables) ?? defaults.Env,
            Bubblewrap = sandbox.Text("bubblewrap") is { Length: > 0 } program ? program : defaults.Bubblewrap,
        };
    }

    /// <summary>Variable names to pass into the sandbox; a secret-looking one is refused rather than silently dropped.</summary>
    private static IReadOnlyList<string>? ReadPassedVariables(ConfigErrors errors, ConfigNode node, string path)
    {
        if (Values.TextList(errors, node, path, allowSingle: true, "variable name") is not { } names)
        {
            return null;
        }

        var valid = true;
        foreach (var name in names)
        {
            var problem = CheckVariableName(name)
                ?? (Execution.Redactor.IsSecretName(name)
                    ? $"'{name}' looks like it holds a secret, and secrets never enter the sandbox; a build that needs it should read it another way"
                    : null);
            if (problem is not null)
            {
                errors.Add(node, path, problem);
                valid = false;
            }
        }

        return valid ? names : null;
    }
}
