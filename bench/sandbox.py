#!/usr/bin/env python3
"""Times the sandbox's overhead per command (issue 14): the same command bare and inside bubblewrap.

Two commands a night runs over and over, each timed without and with the sandbox, alternated in one session
(a, b, c, d, a, b, c, d, ...) so that they share the machine's state and only the ratios are read:

  a  cargo test --offline on a small crate (src/lib.rs touched first, so the crate and its tests rebuild)
  b  the same, confined
  c  one rustc probe step: rustc --edition=2021 --error-format=json --emit=metadata on a corpus program
  d  the same, confined

"Confined" is bwrap with the options Nightshift's BubblewrapArguments.For builds for a worktree (kept in step
with src/Nightshift/Execution/Sandboxing/BubblewrapArguments.cs) and an environment of PATH, HOME and the
toolchain homes, as SandboxEnvironment.Scrub leaves it. Each contender runs once untimed (warm-up), then --runs
times. Medians and ratios go to stdout as Markdown, raw timings to bench/results/sandbox-<timestamp>.json.

Usage: python3 bench/sandbox.py [--runs 7]
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAM = os.path.join(REPO, "examples", "rust-corpus", "corpus", "p001_owned_greeting.rs")
KEPT = ["PATH", "HOME", "LANG", "TERM", "CARGO_HOME", "RUSTUP_HOME", "RUSTUP_TOOLCHAIN"]

LIB = """pub fn double(x: i32) -> i32 {
    x * 2
}

#[cfg(test)]
mod tests {
    #[test]
    fn doubles() {
        assert_eq!(super::double(21), 42);
    }
}
"""


def bwrap(writable, protected, cwd, argv):
    """BubblewrapArguments.For: network off, the machine read-only, writable folders, git metadata read-only on top."""
    args = ["bwrap", "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--unshare-net", "--cap-drop", "ALL", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
            "--tmpfs", "/tmp"]
    for folder in writable:
        args += ["--bind", folder, folder]
    for path in protected:
        args += ["--ro-bind", path, path]
    return args + ["--chdir", cwd, "--"] + argv


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="nightshift-bench-sandbox-") as temp:
        crate = os.path.join(temp, "crate")
        os.makedirs(os.path.join(crate, "src"))
        with open(os.path.join(crate, "Cargo.toml"), "w") as f:
            f.write('[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n')
        with open(os.path.join(crate, "src", "lib.rs"), "w") as f:
            f.write(LIB)
        subprocess.run(["git", "init", "--quiet", crate], check=True)
        target = os.path.join(temp, "target")
        work = os.path.join(temp, "work")
        os.makedirs(target)
        os.makedirs(work)
        shutil.copy(PROGRAM, crate)
        program = os.path.basename(PROGRAM)

        env = {name: os.environ[name] for name in KEPT if name in os.environ}
        env["CARGO_TARGET_DIR"] = target
        cargo = ["cargo", "test", "--offline", "--quiet"]
        rustc = [shutil.which("rustc"), "--edition=2021", "--error-format=json", "--emit=metadata",
                 "--crate-name", "p001", "-o", os.path.join(work, "p001.rmeta"), program]
        git = [os.path.join(crate, ".git")]

        def touch():
            os.utime(os.path.join(crate, "src", "lib.rs"))

        contenders = {
            "a": ("cargo test (bare)", lambda: timed(cargo, crate, env, touch, expect=0)),
            "b": ("cargo test (bubblewrap)", lambda: timed(bwrap([crate, target], git, crate, cargo), crate, env, touch, expect=0)),
            "c": ("rustc probe step (bare)", lambda: timed(rustc, crate, env, None, expect=1)),
            "d": ("rustc probe step (bubblewrap)", lambda: timed(bwrap([crate, work], git, crate, rustc), crate, env, None, expect=1)),
        }
        for _, run in contenders.values():
            run()
        times = {key: [] for key in contenders}
        for _ in range(args.runs):
            for key, (_, run) in contenders.items():
                times[key].append(run())

    medians = {key: statistics.median(values) for key, values in times.items()}
    print(f"{args.runs} timed runs each after one warm-up, alternating a, b, c, d; {os.cpu_count()} cores, "
          f"{platform.system()} {platform.release()}, load {os.getloadavg()[0]:.1f}\n")
    print("| contender | median (ms) | min (ms) | max (ms) | ratio |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for key, (name, _) in contenders.items():
        base = medians["a" if key in "ab" else "c"]
        print(f"| {key}: {name} | {medians[key] * 1000:.0f} | {min(times[key]) * 1000:.0f} | {max(times[key]) * 1000:.0f} | "
              f"{medians[key] / base:.2f} |")

    results = os.path.join(REPO, "bench", "results")
    os.makedirs(results, exist_ok=True)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d-%H%M%S")
    with open(os.path.join(results, f"sandbox-{stamp}.json"), "w") as f:
        json.dump({"runs": args.runs, "times": times}, f, indent=2)


def timed(argv, cwd, env, before, expect):
    if before:
        before()
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != expect:
        raise SystemExit(f"{' '.join(argv)} exited {result.returncode}, expected {expect}: {result.stderr[-2000:]}")
    return elapsed


if __name__ == "__main__":
    main()
