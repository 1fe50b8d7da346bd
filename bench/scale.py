#!/usr/bin/env python3
"""Times the same night on a small repository and on the same repository with 10,000 extra files (issue 17).

examples/rust-corpus (60 tracked files) is the small repository; the large one is the same with 10,000 small files in
a folder the night never touches, packed with `git gc` as real repositories are. Each timed run, alternately small and
large, takes a fresh copy of the repository (not timed) and runs:

  create   `git worktree add --detach` of HEAD, then its removal: what creating a worker's worktree costs, stated apart
  night 1  `nightshift run --json` with the offline agent: creates the worker's worktree once, then reuses it
  night 2  the same night again on the same copy (a new session branch from the same HEAD): reuses the worktree night 1
           left, so it pays no creation at all (checked: the worktree's folder is the same inode before and after)

From night 2's `verdict.decided` events it reads each attempt's timings: the harness's own share per attempt is the
attempt's wall time less the agent's and the measurement's (build, probe, tests). Medians and ratios go to stdout as
Markdown, raw figures to bench/results/scale-<timestamp>.json.

Usage: python3 bench/scale.py [--runs 5] [--cli path/to/Nightshift.Cli.dll]
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from baseline import REPO, build_cli, copy_corpus, parse_args, run, save_results, version

EXTRA_FILES = 10_000
GIT_USER = ["-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "gc.auto=0"]  # gc below, not in the background


def main():
    args = parse_args(__doc__)
    with tempfile.TemporaryDirectory(prefix="nightshift-bench-", dir=os.environ.get("BENCH_TMP")) as temp:
        cli = os.path.abspath(args.cli) if args.cli else build_cli(os.path.join(temp, "cli"))
        templates = {"small": make_repository(os.path.join(temp, "small"), 0),
                     "large": make_repository(os.path.join(temp, "large"), EXTRA_FILES)}
        tracked = {name: len(git(path, "ls-files").splitlines()) for name, path in templates.items()}

        figures = {name: {"create": [], "night1": [], "night2": [], "harness": [], "attempts": []} for name in templates}
        for run_number in range(args.runs + 1):  # the first round is a warm-up
            for name, template in templates.items():
                copy = os.path.join(temp, f"{name}-run{run_number}")
                shutil.copytree(template, copy, symlinks=True)
                result = one_round(cli, copy)
                shutil.rmtree(copy)
                if run_number == 0:
                    continue
                for key in ("create", "night1", "night2"):
                    figures[name][key].append(result[key])
                figures[name]["harness"].extend(result["harness"])
                figures[name]["attempts"].append(result["attempts"])
                print(f"bench: {name} run {run_number}: create {result['create']:.2f}s, night 1 {result['night1']:.2f}s, "
                      f"night 2 {result['night2']:.2f}s, {result['attempts']} attempts", file=sys.stderr)

        report(figures, tracked, args.runs)
        save_results("scale", {"figures": figures, "tracked_files": tracked, "cli": cli})


def make_repository(path, extra_files):
    copy_corpus(path)
    with open(os.path.join(path, "nightshift.yml"), encoding="utf-8") as file:
        config = file.read()
    # One session branch per night, so the second night starts from the same HEAD and does the same work.
    config = config.replace('branch: "nightshift/{date}"', 'branch: "nightshift/bench-{session}"')
    with open(os.path.join(path, "nightshift.yml"), "w", encoding="utf-8") as file:
        file.write(config)
    for index in range(extra_files):
        folder = os.path.join(path, "vendor-docs", f"d{index // 100:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"note{index:05d}.txt"), "w", encoding="utf-8") as file:
            file.write(f"note {index}\n")
    git(path, "init", "-q")
    git(path, "add", ".")
    git(path, *GIT_USER, "commit", "-qm", "repository")
    git(path, "gc", "-q")
    return path


def one_round(cli, repository):
    start = time.perf_counter()
    scratch = os.path.join(repository, ".bench-worktree")
    git(repository, "worktree", "add", "--detach", "-q", scratch, "HEAD")
    git(repository, "worktree", "remove", "--force", scratch)
    create = time.perf_counter() - start

    night1, out1 = run(["dotnet", cli, "run", "--json"], repository)
    worker = os.path.join(repository, ".nightshift", "worktrees", "worker-0")
    inode = os.stat(worker).st_ino
    night2, out2 = run(["dotnet", cli, "run", "--json"], repository)
    if os.stat(worker).st_ino != inode:
        sys.exit("bench: the second night created the worker's worktree again")
    first, second = json.loads(out1), json.loads(out2)
    if first["commits"] != second["commits"] or second["commits"] == 0:
        sys.exit(f"bench: the nights differ: {first['commits']} and {second['commits']} commits")

    harness = [event["payload"]["timings"]["harness_seconds"]
               for event in events(repository) if event["kind"] == "verdict.decided" and event.get("session_id") == second["session"]]
    if not harness:
        sys.exit("bench: no verdict.decided timings in the second night's events")
    return {"create": create, "night1": night1, "night2": night2, "harness": harness, "attempts": len(harness)}


def events(repository):
    with open(os.path.join(repository, ".nightshift", "events.jsonl"), encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def git(cwd, *arguments):
    done = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench: git {' '.join(arguments)} exited {done.returncode} in {cwd}: {done.stderr}")
    return done.stdout


def report(figures, tracked, runs):
    median = {name: {key: statistics.median(values) for key, values in data.items() if key != "attempts"} for name, data in figures.items()}
    print(f"{runs} timed runs of each after one warm-up, alternating small and large; {tracked['small']} and {tracked['large']} tracked files; "
          f"{version(['rustc', '--version'])}, .NET SDK {version(['dotnet', '--version'])}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}.\n")
    print("| repository | create worktree (s) | night 1 (s) | night 1 − create (s) | night 2 (s) | attempts | harness per attempt, median (ms) | max (ms) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in ("small", "large"):
        m = median[name]
        print(f"| {name} | {m['create']:.2f} | {m['night1']:.2f} | {m['night1'] - m['create']:.2f} | {m['night2']:.2f} | "
              f"{statistics.median(figures[name]['attempts']):.0f} | {m['harness'] * 1000:.0f} | {max(figures[name]['harness']) * 1000:.0f} |")
    s, l = median["small"], median["large"]
    print(f"\nnight 2 large/small = {l['night2'] / s['night2']:.2f}; (night 1 − create) large/small = "
          f"{(l['night1'] - l['create']) / (s['night1'] - s['create']):.2f}")


if __name__ == "__main__":
    main()
