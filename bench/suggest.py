#!/usr/bin/env python3
"""Times the offline agent (provider suggest) over examples/rust-corpus against the plain baseline.

Two contenders, run alternately in one session so that they share the machine's state and only their
ratio is read:

  a  nightshift baseline --no-cache --json   (the probe alone: every program checked once, two at a time)
  b  the suggest agent over every program    (bench/suggest-corpus.cs: check, then SuggestAgent with its
                                              re-checks, two programs at a time, then a final check)

b runs on a fresh copy of the corpus each time (the copy is not timed), since it edits the programs. The
warm-up run of b must bring 24 of 52 programs to zero errors and leave 29 of 59 errors, the figures
SuggestAgentCorpusSpecs asserts; otherwise the script stops. Medians go to stdout as Markdown, raw timings
to bench/results/suggest-<timestamp>.json.

Usage: python3 bench/suggest.py [--runs 5] [--cli path/to/Nightshift.Cli.dll]
Without --cli the CLI is built in Release into a temporary folder first; the harness always is.
"""

import datetime
import json
import os
import statistics
import sys
import tempfile

from baseline import CORPUS, REPO, build_cli, build_release, copy_corpus, parse_args, print_table, run, save_results, time_alternately, version

EXPECTED = {"items": 52, "errors_before": 59, "errors_after": 29, "zero_errors": 24}


def main():
    args = parse_args(__doc__)

    with tempfile.TemporaryDirectory(prefix="nightshift-bench-") as temp:
        cli = args.cli or build_cli(os.path.join(temp, "cli"))
        harness = build_release(os.path.join(REPO, "bench", "suggest-corpus.cs"), os.path.join(temp, "harness"), "suggest-corpus.dll")
        probed = os.path.join(temp, "probed")
        copy_corpus(probed)
        copies = iter(range(1_000_000))

        def suggest():
            work = os.path.join(temp, f"suggest-{next(copies)}")
            copy_corpus(work)
            return run(["dotnet", harness, work], work)

        contenders = {
            "a": ("nightshift baseline --no-cache --json", lambda: run(["dotnet", cli, "baseline", "--no-cache", "--json"], probed)),
            "b": ("suggest agent over the corpus (bench/suggest-corpus.cs)", suggest),
        }

        contenders["a"][1]()
        outcome = json.loads(contenders["b"][1]()[1])
        if {key: outcome[key] for key in EXPECTED} != EXPECTED:
            sys.exit(f"bench: the suggest agent's outcome {outcome} is not the expected {EXPECTED}")

        report(contenders, time_alternately(contenders, args.runs), args.runs, outcome)


def report(contenders, times, runs, outcome):
    medians = {key: statistics.median(values) for key, values in times.items()}
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Run {date} on {os.cpu_count()} cores, {version(['rustc', '--version'])}, .NET SDK {version(['dotnet', '--version'])}, "
          f"load average {os.getloadavg()[0]:.0f}, {runs} timed runs each after one warm-up, alternating a, b.\n")
    print(f"Suggest agent: {outcome['zero_errors']} of {outcome['items']} programs at zero errors, "
          f"errors {outcome['errors_before']} -> {outcome['errors_after']}, {outcome['rustc_runs']} rustc runs.\n")
    print_table(contenders, times, medians)
    print(f"\nb/a = {medians['b'] / medians['a']:.2f}")

    save_results("suggest", {"corpus": CORPUS, "outcome": outcome, "times": times, "medians": medians})


if __name__ == "__main__":
    main()
