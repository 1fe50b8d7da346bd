using System.ComponentModel;
using System.Diagnostics;

namespace Nightshift.Execution;

public sealed partial class ProcessRunner
{
    // exec keeps the PID: setsid execs sh in place, and sh execs the program, so the PID we get is the program's.
    private const string RedirectAndExec = "exec \"$@\" >>\"$NIGHTSHIFT_DETACHED_LOG\" 2>&1 </dev/null";

    /// <summary>
    /// Starts a long-running command (a service) that outlives its start: in its own session and process group (setsid),
    /// stdin from /dev/null, stdout and stderr appended to <paramref name="logFile"/>, no timeout, and never stopped by this
    /// runner. <see cref="CommandSpec.Timeout"/>, idle timeout, input and output callbacks do not apply.
    /// </summary>
    /// <exception cref="CommandStartException">The program or the working directory does not exist.</exception>
    public DetachedProcess StartDetached(CommandSpec spec, string logFile)
    {
        Validate(spec);
        ArgumentException.ThrowIfNullOrEmpty(logFile);
        var (workingDirectory, executable) = Locate(spec);
        var log = Path.GetFullPath(logFile);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);

        var start = new ProcessStartInfo(_setsid ?? "/bin/sh") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        if (_setsid is not null)
        {
            start.ArgumentList.Add("/bin/sh");
        }

        foreach (var argument in (string[])["-c", RedirectAndExec, "sh", executable, .. spec.Arguments])
        {
            start.ArgumentList.Add(argument);
        }

        SetEnvironment(start, spec.Environment);
        start.Environment["NIGHTSHIFT_DETACHED_LOG"] = log;
        try
        {
            var process = Process.Start(start)!;
            return DetachedProcess.Started(process, leadsGroup: _setsid is not null, CommandLine.Render(spec));
        }
        catch (Win32Exception e)
        {
            throw new CommandStartException(spec.FileName, workingDirectory,
                $"could not start '{spec.FileName}' ({executable}) in {workingDirectory}: {e.Message}", e);
        }
    }
}
