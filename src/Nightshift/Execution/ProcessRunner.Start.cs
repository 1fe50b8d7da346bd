using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Nightshift.Execution;

public sealed partial class ProcessRunner
{
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static void Validate(CommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrEmpty(spec.FileName, nameof(spec));
        if (spec.Timeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(spec));
        }

        if (spec.IdleTimeout is { } idle)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idle, TimeSpan.Zero, nameof(spec));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(spec.GracePeriod, TimeSpan.Zero, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.OutputLimit, nameof(spec));
        foreach (var name in spec.Environment.Keys)
        {
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not a valid environment variable name.", nameof(spec));
            }
        }
    }

    private Process Start(CommandSpec spec)
    {
        var (workingDirectory, executable) = Locate(spec);
        if (spec.Confinement is { } confinement)
        {
            // The program is found outside, as for any command (a missing one is a CommandStartException, not bwrap's
            // exit 1), and run inside by that absolute path: the sandbox sees the machine's files at the same paths.
            spec = Sandbox.Confine(spec, confinement, executable, workingDirectory);
            executable = spec.FileName;
        }

        // setsid(1) calls setsid() and execs the program in place (a child of .NET never leads a group, so
        // setsid has no reason to fork): the PID we get is the program's, and its group and session ids equal it.
        var start = new ProcessStartInfo(_setsid ?? executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = _utf8,
            StandardOutputEncoding = _utf8,
            StandardErrorEncoding = _utf8,
        };
        if (_setsid is not null)
        {
            start.ArgumentList.Add(executable);
        }

        foreach (var argument in spec.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        SetEnvironment(start, spec.Environment);
        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
            return process;
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new CommandStartException(spec.FileName, workingDirectory,
                $"could not start '{spec.FileName}' ({executable}) in {workingDirectory}: {e.Message}", e);
        }
    }

    /// <summary>The working directory and the program's full path, or a <see cref="CommandStartException"/> saying why there is none.</summary>
    private static (string WorkingDirectory, string Executable) Locate(CommandSpec spec)
    {
        var workingDirectory = Path.GetFullPath(spec.WorkingDirectory ?? Environment.CurrentDirectory);
        if (!Directory.Exists(workingDirectory))
        {
            throw new CommandStartException(spec.FileName, workingDirectory,
                $"could not start '{spec.FileName}': its working directory {workingDirectory} does not exist");
        }

        // The child's PATH decides, as it would for execvp in the child: the spec may set or remove it.
        var searchPath = spec.Environment.TryGetValue("PATH", out var path) ? path : Environment.GetEnvironmentVariable("PATH");
        return (workingDirectory, ExecutableLocator.Resolve(spec.FileName, workingDirectory, searchPath));
    }

    /// <summary>Adds the spec's variables to the inherited environment; a null value removes the variable.</summary>
    private static void SetEnvironment(ProcessStartInfo start, IReadOnlyDictionary<string, string?> environment)
    {
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
    }
}
