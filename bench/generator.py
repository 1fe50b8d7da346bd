#!/usr/bin/env python3
"""Times the probe of examples/transpiler (a generator's corpus) with its cache against the same without it.

Three contenders on a fresh git copy of the example (built once with cargo first), run alternately in one
session so that only their ratios are read:

  a  nightshift baseline --no-cache --json   every item is generated and compiled again
  b  one input changed, then nightshift baseline --json   the cache re-runs that item only
  c  nothing changed, then nightshift baseline --json     the cache re-runs nothing

Before b, one corpus item gets a comment line it never had before, so every b run has exactly one changed
item. The script checks, on warm-up runs, that b re-ran exactly one item and c none, and that
a change to a generator source re-runs every item (the safe cache key of issue 16). Medians and ratios go
to stdout as Markdown, raw timings to bench/results/generator-<timestamp>.json.

Usage: python3 bench/generator.py [--runs 5] [--cli path/to/Nightshift.Cli.dll]
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from baseline import REPO, build_cli, parse_args, print_table, run, save_results, time_alternately, version

EXAMPLE = os.path.join(REPO, "examples", "transpiler")
CHANGED_ITEM = os.path.join("corpus", "t01_grade_report.tiny")


def main():
    args = parse_args(__doc__)

    with tempfile.TemporaryDirectory(prefix="nightshift-bench-") as temp:
        cli = os.path.abspath(args.cli) if args.cli else build_cli(os.path.join(temp, "cli"))
        work = os.path.join(temp, "transpiler")
        shutil.copytree(EXAMPLE, work, ignore=shutil.ignore_patterns("target", ".nightshift"))
        for command in (["git", "init", "-q"], ["git", "add", "."],
                        ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-qm", "example"],
                        ["cargo", "build", "--offline", "--quiet"]):
            subprocess.run(command, cwd=work, check=True)

        def baseline(*options):
            return run(["dotnet", cli, "baseline", "--json", *options], work)

        def one_input_changed():
            toggle_comment(os.path.join(work, CHANGED_ITEM))
            return baseline()

        contenders = {
            "a": ("nightshift baseline --no-cache --json (every item)", lambda: baseline("--no-cache")),
            "b": ("one input changed, nightshift baseline --json", one_input_changed),
            "c": ("nothing changed, nightshift baseline --json", baseline),
        }

        warm = {key: json.loads(contender[1]()[1]) for key, contender in contenders.items()}
        items = warm["a"]["items"]
        if warm["b"]["items"] - warm["b"]["cached"] != 1 or warm["c"]["cached"] != items:
            sys.exit(f"bench: the cache re-ran the wrong items: b ran {warm['b']['items'] - warm['b']['cached']}, c ran {items - warm['c']['cached']}")
        check_generator_change_reruns_all(work, baseline, items)

        times = time_alternately(contenders, args.runs)
        medians = {key: statistics.median(values) for key, values in times.items()}
        print(f"{items} items, {args.runs} timed runs each after one warm-up, alternating a, b, c; "
              f"{version(['rustc', '--version'])}, .NET SDK {version(['dotnet', '--version'])}, {os.cpu_count()} cores.\n")
        print_table(contenders, times, medians)
        print(f"\nb/a = {medians['b'] / medians['a']:.2f}, c/a = {medians['c'] / medians['a']:.2f}")
        save_results("generator", {"items": items, "times": times, "medians": medians, "cli": cli})


def toggle_comment(path):
    """Appends a comment line never written before, so the item's content (and its cache key) is new every time."""
    toggle_comment.count += 1
    with open(path, "a", encoding="utf-8") as file:
        file.write(f"# bench change {toggle_comment.count} {os.getpid()}\n")


toggle_comment.count = 0


def check_generator_change_reruns_all(work, baseline, items):
    """A comment in a generator source (tracked, outside the corpus) must re-run every item; then it is undone."""
    source = os.path.join(work, "src", "lib.rs")
    with open(source, encoding="utf-8") as file:
        original = file.read()
    with open(source, "a", encoding="utf-8") as file:
        file.write("// bench\n")
    changed = json.loads(baseline()[1])
    with open(source, "w", encoding="utf-8") as file:
        file.write(original)
    if changed["cached"] != 0:
        sys.exit(f"bench: a generator change re-ran only {items - changed['cached']} of {items} items")
    baseline()


if __name__ == "__main__":
    main()
