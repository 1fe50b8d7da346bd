#!/usr/bin/env python3
"""Counts what rustc says about the transpiler's output for every corpus program, per severity and code.

Runs the probe's two steps by hand: `transpile <item> <work>/<stem>.rs`, then rustc on that file with the flags
of nightshift.yml. The generator is built first, in a copy of this folder with the given patches applied
(`git apply`, as Nightshift applies a fix), so the checkout itself is never changed.

Usage (from examples/transpiler; needs cargo, rustc and git on PATH):
  tools/count.py                          the table for the generator as it is
  tools/count.py fixes/a.patch ...        the table with those patches applied
  tools/count.py --each                   the baseline, then each patch of fixes/ and wrong-fixes/ alone, then all of fixes/
"""
import collections
import concurrent.futures
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent.parent
FLAGS = ["--edition=2021", "--error-format=json", "--emit=metadata"]


def copy_with(patches, into):
    shutil.copytree(HERE, into, ignore=shutil.ignore_patterns("target", ".nightshift", ".git"))
    for patch in patches:
        subprocess.run(["git", "apply", str(pathlib.Path(patch).resolve())], cwd=into, check=True)
    build = subprocess.run(["cargo", "build", "--offline", "--quiet"], cwd=into, capture_output=True, text=True,
                           env={**__import__("os").environ, "CARGO_TARGET_DIR": str(into / "target")})
    if build.returncode != 0:
        sys.exit(f"cargo build failed with {patches}:\n{build.stderr}")
    return into / "target" / "debug" / "transpile"


def probe(transpile, item, work):
    """(severity, code) of every coded diagnostic for one item; ('error', 'transpile') when generation fails."""
    out = work / f"{item.stem}.rs"
    gen = subprocess.run([str(transpile), str(item), str(out)], capture_output=True, text=True)
    if gen.returncode != 0:
        return [("error", "transpile")]
    proc = subprocess.run(["rustc", *FLAGS, "--crate-name", item.stem, "-o", str(work / f"{item.stem}.rmeta"), str(out)],
                          capture_output=True, text=True)
    found = []
    for line in proc.stderr.splitlines():
        if line.startswith("{"):
            d = json.loads(line)
            if d.get("code"):
                found.append((d["level"], d["code"]["code"]))
    return found


def measure(patches):
    with tempfile.TemporaryDirectory(prefix="transpiler-count-") as tmp:
        tmp = pathlib.Path(tmp)
        transpile = copy_with(patches, tmp / "example")
        work = tmp / "work"
        work.mkdir()
        items = sorted((HERE / "corpus").glob("*.tiny"))
        with concurrent.futures.ThreadPoolExecutor() as pool:
            results = dict(zip(items, pool.map(lambda item: probe(transpile, item, work), items)))
    return results


def totals(results):
    counts = collections.Counter()
    programs = collections.Counter()
    for found in results.values():
        counts.update(found)
        programs.update(set(found))
    return counts, programs


def table(results, title):
    counts, programs = totals(results)
    failing = sum(1 for found in results.values() if any(level == "error" for level, _ in found))
    print(f"## {title}: {len(results)} programs, {failing} failing, "
          f"{sum(n for (level, _), n in counts.items() if level == 'error')} errors, "
          f"{sum(n for (level, _), n in counts.items() if level == 'warning')} warnings")
    print("| severity | code | programs | diagnostics |")
    print("| --- | --- | --- | --- |")
    for key in sorted(counts, key=lambda k: (k[0] != "error", -counts[k], k[1])):
        print(f"| {key[0]} | {key[1]} | {programs[key]} | {counts[key]} |")
    print()
    return counts


def delta(base, after):
    changes = []
    for key in sorted(set(base) | set(after)):
        if base[key] != after[key]:
            changes.append(f"{key[0]}:{key[1]} {base[key]}→{after[key]}")
    return ", ".join(changes) or "no change"


def main(args):
    if args[:1] != ["--each"]:
        table(measure(args), "with " + " ".join(args) if args else "as it is")
        return
    base = table(measure([]), "baseline")
    fixes = sorted((HERE / "fixes").glob("*.patch"))
    for patch in fixes + sorted((HERE / "wrong-fixes").glob("*.patch")):
        name = patch.relative_to(HERE)
        after = table(measure([patch]), f"with {name} alone")
        print(f"delta for {name}: {delta(base, after)}\n")
    after = table(measure(fixes), "with all of fixes/")
    print(f"delta for all of fixes/: {delta(base, after)}")


if __name__ == "__main__":
    main(sys.argv[1:])
