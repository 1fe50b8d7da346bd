#!/usr/bin/env python3
"""Times each attempt's measurement on a cargo crate, in a reused worker's worktree against a fresh one per attempt (issue 17).

The crate is generated: a dependency-free library of about 5,000 lines in 40 modules, with three kinds of planted warnings
(unused_mut, unused_parens, unused_imports; three of each) that rustc's own suggestions fix, so the offline agent
lands one commit per kind while the crate keeps building. The probe is `cargo build --message-format=json` with the worker's CARGO_TARGET_DIR. Two contenders, run
alternately on fresh copies of the crate's repository:

  reused  workspace.reuse: true (the default): every attempt leases the worker's worktree, reset to the attempt's commit,
          so cargo sees the same package at the same path and rebuilds incrementally
  fresh   workspace.reuse: false: a fresh worktree per attempt, at a new path, so cargo starts the package over

For every attempt it reads, from the `verdict.decided` event's timings, the agent's time (the offline agent runs
`cargo build` itself to collect rustc's suggestions: the attempt's first build of the worktree), the measurement's (the
probe's `cargo build` after the fix) and the attempt's total. Medians per attempt go to stdout as Markdown, raw figures to
bench/results/warm-build-<timestamp>.json.

Usage: python3 bench/warm_build.py [--runs 5] [--cli path/to/Nightshift.Cli.dll]
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from baseline import build_cli, parse_args, run, save_results, version

MODULES = 40
FUNCTIONS = 10
# Warnings, not errors: the crate builds (and codegens) at every attempt, so cargo's incremental state is saved, and
# each kind is one cluster the offline agent fixes with rustc's machine-applicable suggestion.
PLANTED = {
    3: "".join(f"pub fn counter{i}() -> u32 {{\n    let mut x = {i};\n    x + 1\n}}\n" for i in range(3)),
    11: "".join(f"pub fn wrapped{i}(a: u32) -> u32 {{\n    let b = (a + {i});\n    b\n}}\n" for i in range(3)),
    19: "use std::collections::HashMap;\nuse std::collections::BTreeMap;\nuse std::fmt::Write;\n",
}
CONFIG = """version: 1
probe:
  command: [cargo, build, --offline, --message-format=json]
  format: cargo-json
agent:
  provider: suggest
limits:
  attempts_per_cluster: 1
landing:
  branch: "nightshift/bench-{session}"
workspace:
  reuse: REUSE
"""


def main():
    args = parse_args(__doc__)
    with tempfile.TemporaryDirectory(prefix="nightshift-bench-", dir=os.environ.get("BENCH_TMP")) as temp:
        cli = os.path.abspath(args.cli) if args.cli else build_cli(os.path.join(temp, "cli"))
        template = os.path.join(temp, "crate")
        lines = make_crate(template)
        measures = {"reused": [], "fresh": []}
        agents = {"reused": [], "fresh": []}
        totals = {"reused": [], "fresh": []}
        for run_number in range(args.runs + 1):  # the first round is a warm-up
            for contender in ("reused", "fresh"):
                copy = os.path.join(temp, f"{contender}-{run_number}")
                shutil.copytree(template, copy, symlinks=True)
                with open(os.path.join(copy, "nightshift.yml"), "w", encoding="utf-8") as file:
                    file.write(CONFIG.replace("REUSE", "true" if contender == "reused" else "false"))
                git(copy, "add", "nightshift.yml")
                git(copy, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-qm", "config")
                _, out = run(["dotnet", cli, "run", "--json"], copy)
                result = json.loads(out)
                if result["commits"] != len(PLANTED):
                    sys.exit(f"bench: {contender} landed {result['commits']} commits, not {len(PLANTED)}")
                timings = [e["payload"]["timings"] for e in events(copy) if e["kind"] == "verdict.decided"]
                shutil.rmtree(copy)
                if run_number == 0:
                    continue
                measures[contender].append([t["measure_seconds"] for t in timings])
                agents[contender].append([t["agent_seconds"] for t in timings])
                totals[contender].append([t["total_seconds"] for t in timings])
                print(f"bench: {contender} run {run_number}: agent " + ", ".join(f"{t['agent_seconds']:.2f}" for t in timings), file=sys.stderr)

        report(agents, measures, totals, lines, args.runs)
        save_results("warm-build", {"agent_seconds": agents, "measure_seconds": measures, "total_seconds": totals, "lines": lines, "cli": cli})


def make_crate(path):
    os.makedirs(os.path.join(path, "src"))
    with open(os.path.join(path, "Cargo.toml"), "w", encoding="utf-8") as file:
        file.write('[package]\nname = "warm"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\npath = "src/lib.rs"\n')
    with open(os.path.join(path, ".gitignore"), "w", encoding="utf-8") as file:
        file.write("target/\n")
    lines = 0
    for module in range(MODULES):
        functions = [FUNCTION.format(f=f, seed=module * 31 + f, scale=module + 2) for f in range(FUNCTIONS)]
        text = "\n".join(functions + ([PLANTED[module]] if module in PLANTED else []))
        lines += text.count("\n")
        with open(os.path.join(path, "src", f"m{module:02d}.rs"), "w", encoding="utf-8") as file:
            file.write(text)
    with open(os.path.join(path, "src", "lib.rs"), "w", encoding="utf-8") as file:
        file.write("".join(f"pub mod m{module:02d};\n" for module in range(MODULES)))
    subprocess.run(["cargo", "generate-lockfile", "--offline"], cwd=path, check=True, capture_output=True)  # committed, as crates do
    git(path, "init", "-q")
    git(path, "add", ".")
    git(path, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-qm", "crate")
    return lines + MODULES


FUNCTION = """pub fn f{f}(values: &[u64]) -> (u64, Vec<String>) {{
    let mut acc: u64 = {seed};
    let mut names = Vec::new();
    for (i, v) in values.iter().enumerate() {{
        let x: u64 = *v;
        acc = acc.wrapping_mul({scale}).wrapping_add(x ^ (i as u64));
        if acc % 7 == 0 {{
            names.push(format!("{f}-{{}}-{{:x}}", i, acc));
        }}
    }}
    (acc, names)
}}
"""


def events(repository):
    with open(os.path.join(repository, ".nightshift", "events.jsonl"), encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def git(cwd, *arguments):
    return subprocess.run(["git", *arguments], cwd=cwd, check=True, capture_output=True, text=True).stdout


def report(agents, measures, totals, lines, runs):
    print(f"A crate of {lines} lines, {len(PLANTED)} kinds of planted warnings; {runs} timed nights of each after one warm-up, alternating; "
          f"{version(['cargo', '--version'])}, .NET SDK {version(['dotnet', '--version'])}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}.\n")
    print("| attempt | agent, reused (s) | agent, fresh (s) | measure, reused (s) | measure, fresh (s) | attempt, reused (s) | attempt, fresh (s) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    attempts = min(len(m) for runs_ in totals.values() for m in runs_)
    for index in range(attempts):
        row = [statistics.median(r[index] for r in figures[c]) for figures in (agents, measures, totals) for c in ("reused", "fresh")]
        print(f"| {index + 1} | " + " | ".join(f"{value:.2f}" for value in row) + " |")
    later = {c: statistics.median(v for r in totals[c] for v in r[1:]) for c in totals}
    print(f"\nattempts 2 and later, whole attempt: reused/fresh = {later['reused'] / later['fresh']:.2f}")


if __name__ == "__main__":
    main()
