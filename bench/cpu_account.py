"""CPU time of a command and everything it starts, sandboxed descendants included, from a cgroup of its own.

getrusage(RUSAGE_CHILDREN) is not enough here: bubblewrap's init in its PID namespace is reaped by the machine's
PID 1, not by the command, so the CPU of every sandboxed compiler is lost to it. A cgroup counts every process
that started inside it, wherever it is reparented. Needs a writable cgroup file system (root, or a delegated
subtree): cgroup v2 (cpu.stat) or v1's cpuacct controller. Without one, `CpuAccount.create()` returns None and
the benchmarks report wall time only.
"""

import os

V2_ROOT = "/sys/fs/cgroup"
V1_ROOT = "/sys/fs/cgroup/cpuacct"


class CpuAccount:
    def __init__(self, folder, v2):
        self.folder = folder
        self.v2 = v2

    @staticmethod
    def create(name):
        """A fresh cgroup named name-<pid>, or None when none can be made here."""
        for root, v2 in ((V2_ROOT, True), (V1_ROOT, False)):
            marker = "cgroup.controllers" if v2 else "cpuacct.usage"
            if not os.path.exists(os.path.join(root, marker)):
                continue
            folder = os.path.join(root, f"{name}-{os.getpid()}")
            try:
                os.mkdir(folder)
                return CpuAccount(folder, v2)
            except OSError:
                continue
        return None

    def enter(self):
        """For subprocess's preexec_fn: moves the child (before it execs) into the cgroup."""
        with open(os.path.join(self.folder, "cgroup.procs"), "w", encoding="ascii") as file:
            file.write(str(os.getpid()))

    def seconds(self):
        """CPU seconds (user + system) used in the cgroup so far."""
        if self.v2:
            with open(os.path.join(self.folder, "cpu.stat"), encoding="ascii") as file:
                return next(int(line.split()[1]) for line in file if line.startswith("usage_usec")) / 1e6
        with open(os.path.join(self.folder, "cpuacct.usage"), encoding="ascii") as file:
            return int(file.read()) / 1e9

    def remove(self):
        """Removes the cgroup; every process that ran in it has ended by then."""
        try:
            os.rmdir(self.folder)
        except OSError:
            pass
