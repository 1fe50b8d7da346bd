using Nightshift.Execution;

namespace Nightshift.Configuration.Reading;

internal sealed partial class ConfigReader
{
    /// <summary>
    /// <c>crash.cores</c>: a folder or the word <c>coredumpctl</c>, with <c>crash.executable</c> naming the program whose cores
    /// count. coredumpctl must be installed when the file is read from disk: crash-watch would otherwise find no core all night.
    /// </summary>
    private CoreSource? ReadCores(MappingReader crash)
    {
        if (crash.Text("cores") is not { } text)
        {
            if (crash.Has("executable") && !crash.Has("cores"))
            {
                crash.Problem("executable", "is only read with crash.cores (where the program's core files appear); add crash.cores or remove it", atKey: true);
            }

            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            crash.Problem("cores", $"is empty; give the folder core files appear in (the kernel's core_pattern), or '{CoreSource.CoredumpctlWord}'");
            return null;
        }

        if (!crash.Has("executable"))
        {
            crash.Missing("executable", "crash.cores reads the cores of one program: name it, relative to the folder the service runs from, e.g. build/bin/worldserver");
        }

        RequireOnPath(crash, "gdb", "no core could be read (crash-watch reads each with gdb); install it (apt-get install gdb)");
        if (text != CoreSource.CoredumpctlWord)
        {
            return new CoreSource.Folder(text);
        }

        RequireOnPath(
            crash,
            CoreSource.CoredumpctlWord,
            "no core would ever be found; install systemd-coredump (apt-get install systemd-coredump), "
            + "or give the folder the kernel writes cores to (/proc/sys/kernel/core_pattern)");
        return new CoreSource.Coredumpctl();
    }

    private void RequireOnPath(MappingReader crash, string program, string why)
    {
        if (!_checkMachine)
        {
            return;
        }

        try
        {
            ExecutableLocator.Resolve(program, _repositoryRoot, Environment.GetEnvironmentVariable("PATH"));
        }
        catch (CommandStartException)
        {
            crash.Problem("cores", $"'{program}' is not on PATH, so {why}");
        }
    }
}
