#!/usr/bin/env python3
"""Times `nightshift baseline` against the shell loop people use today, on examples/rust-corpus.

Three contenders, run alternately in one session so that they share the machine's state (load, caches,
thermal throttling) and only their ratios are read:

  a  the sequential loop: rustc on every corpus file, human output, grep | sort | uniq -c
  b  nightshift baseline --no-cache --json   (every item runs; items in parallel, one per core)
  c  nightshift baseline --json              (the cached re-run: nothing changed, nothing runs)

Each contender runs once untimed first (warm-up: page cache, JIT-less start of dotnet, the probe cache
for c), then --runs times. The script checks that a and b found the same errors per code, so that the
times compare the same work. Medians and ratios go to stdout as Markdown, raw timings to
bench/results/baseline-<timestamp>.json.

Usage: python3 bench/baseline.py [--runs 5] [--cli path/to/Nightshift.Cli.dll]
Without --cli the CLI is built in Release into a temporary folder first.
"""

import argparse
import collections
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(REPO, "examples", "rust-corpus")

# The loop as people write it, with only $stem defined and the scratch folder made private.
SHELL_LOOP = r'''
for f in corpus/*.rs; do
  stem=$(basename "$f" .rs)
  rustc --edition=2021 --error-format=human --emit=metadata -o "$SCRATCH/$stem.rmeta" "$f" 2>&1
done | grep -oE "error\[E[0-9]+\]" | sort | uniq -c
'''


def main():
    args = parse_args(__doc__)

    with tempfile.TemporaryDirectory(prefix="nightshift-bench-") as temp:
        cli = args.cli or build_cli(os.path.join(temp, "cli"))
        work = os.path.join(temp, "rust-corpus")
        copy_corpus(work)
        scratch = os.path.join(temp, "scratch")
        os.mkdir(scratch)

        contenders = {
            "a": ("shell loop (sequential rustc, grep, sort, uniq -c)",
                  lambda: run(["bash", "-c", SHELL_LOOP], work, {"SCRATCH": scratch})),
            "b": ("nightshift baseline --no-cache --json",
                  lambda: run(["dotnet", cli, "baseline", "--no-cache", "--json"], work)),
            "c": ("nightshift baseline --json (cached)",
                  lambda: run(["dotnet", cli, "baseline", "--json"], work)),
        }

        warm = {key: contender[1]()[1] for key, contender in contenders.items()}
        check_same_counts(warm["a"], warm["b"])
        if json.loads(warm["c"])["cached"] != json.loads(warm["c"])["items"]:
            sys.exit("bench: the cached run re-ran items; the cache is not working")

        report(contenders, time_alternately(contenders, args.runs), args.runs, cli)


def parse_args(doc):
    """--runs and --cli, the options every bench script takes."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each contender (default 5)")
    parser.add_argument("--cli", help="Nightshift.Cli.dll to run with dotnet (default: build Release)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def time_alternately(contenders, runs):
    """Runs each contender `runs` times, in turn (a, b, c, a, b, c, ...); returns the seconds per key."""
    times = collections.defaultdict(list)
    for _ in range(runs):
        for key, (_, action) in contenders.items():
            times[key].append(action()[0])
    return times


def build_cli(output):
    return build_release(os.path.join(REPO, "src", "Nightshift.Cli"), output, "Nightshift.Cli.dll")


def build_release(project, output, assembly):
    """Builds a project folder or a file-based app in Release into output; returns the path of assembly."""
    print(f"bench: building {os.path.relpath(project, REPO)} in Release ...", file=sys.stderr)
    subprocess.run(["dotnet", "build", project, "-c", "Release", "-o", output, "-v", "quiet", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(output, assembly)


def copy_corpus(destination):
    shutil.copytree(CORPUS, destination, ignore=shutil.ignore_patterns("target", ".nightshift"))


def run(command, cwd, extra_env=None):
    """Runs to completion and returns (seconds, stdout); a non-zero exit is a broken benchmark."""
    env = dict(os.environ, NO_COLOR="1", **(extra_env or {}))
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    return elapsed, done.stdout


def check_same_counts(loop_output, baseline_json):
    loop = {m.group(2): int(m.group(1)) for m in re.finditer(r"^\s*(\d+) error\[(E\d+)\]$", loop_output, re.M)}
    clusters = json.loads(baseline_json)["clusters"]
    nightshift = {c["code"]: c["count"] for c in clusters if c["severity"] == "error" and c["tool"] == "rustc"}
    if loop != nightshift:
        sys.exit(f"bench: the loop and nightshift disagree on the errors per code:\n  loop: {loop}\n  nightshift: {nightshift}")


def version(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip().splitlines()[0]
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def report(contenders, times, runs, cli):
    medians = {key: statistics.median(values) for key, values in times.items()}
    facts = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "machine": f"{platform.system()} {platform.release()} {platform.machine()}",
        "rustc": version(["rustc", "--version"]),
        "dotnet": version(["dotnet", "--version"]),
        "items": len([f for f in os.listdir(os.path.join(CORPUS, "corpus")) if f.endswith(".rs")]),
        "runs": runs,
        "cli": cli,
    }

    print(f"Run {facts['date']} on {facts['cores']} cores ({facts['machine']}), {facts['rustc']}, .NET SDK {facts['dotnet']}, "
          f"{facts['items']} items, {runs} timed runs each after one warm-up, alternating a, b, c.\n")
    print_table(contenders, times, medians)
    print(f"\nb/a = {medians['b'] / medians['a']:.2f}, c/a = {medians['c'] / medians['a']:.2f}")

    save_results("baseline", {"facts": facts, "times": times, "medians": medians})


def save_results(name, data):
    """Writes the raw timings to bench/results/<name>-<timestamp>.json (ignored by git) and says where."""
    results = os.path.join(REPO, "bench", "results")
    os.makedirs(results, exist_ok=True)
    path = os.path.join(results, f"{name}-{datetime.datetime.now():%Y%m%d-%H%M%S}.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=2)
    print(f"\nraw timings: {os.path.relpath(path, REPO)}", file=sys.stderr)


def print_table(contenders, times, medians):
    """The Markdown table of medians, minimums, maximums and ratios to contender a."""
    print("| contender | median (s) | min (s) | max (s) | ratio to a |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for key, (label, _) in contenders.items():
        values = times[key]
        print(f"| {key}: {label} | {medians[key]:.2f} | {min(values):.2f} | {max(values):.2f} | {medians[key] / medians['a']:.2f} |")


if __name__ == "__main__":
    main()
