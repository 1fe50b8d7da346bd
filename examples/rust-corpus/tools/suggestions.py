#!/usr/bin/env python3
"""Counts rustc errors per code in the corpus and checks which codes rustc's own suggestions fix.

For each error code, every program that has it is copied to a temp dir, the suggested replacements of
that code's diagnostics (and of no other) are applied, and the program is checked again. A code is
"suggestion-fixable" when no occurrence of it is left and no new error code appears.

Which suggestions are applied, per diagnostic: every child suggestion marked MachineApplicable; when
there is none, the first child marked MaybeIncorrect. Spans are applied by byte offset from the end of
the file; a span that overlaps one already taken (alternatives of one suggestion) is skipped.

Usage: tools/suggestions.py [corpus dir]   (run from examples/rust-corpus; needs rustc on PATH)
"""
import collections
import concurrent.futures
import json
import pathlib
import subprocess
import sys
import tempfile

FLAGS = ["--edition=2021", "--error-format=json", "--emit=metadata"]


def check(path, work):
    """Runs rustc like the probe step does; returns (exit code, error diagnostics with a code)."""
    stem = path.stem
    proc = subprocess.run(
        ["rustc", *FLAGS, "--crate-name", stem, "-o", str(work / f"{stem}.rmeta"), str(path)],
        capture_output=True, text=True)
    errors = []
    for line in proc.stderr.splitlines():
        if not line.startswith("{"):
            continue
        d = json.loads(line)
        if d.get("level") == "error" and d.get("code"):
            errors.append(d)
    return proc.returncode, errors


def chosen_spans(diagnostic, file_name):
    machine = []
    maybe = None
    for child in diagnostic.get("children", []):
        spans = [s for s in child.get("spans", [])
                 if s.get("suggested_replacement") is not None and s["file_name"] == file_name]
        kinds = {s.get("suggestion_applicability") for s in spans}
        if "MachineApplicable" in kinds:
            machine.extend(s for s in spans if s["suggestion_applicability"] == "MachineApplicable")
        elif "MaybeIncorrect" in kinds and maybe is None:
            maybe = [s for s in spans if s["suggestion_applicability"] == "MaybeIncorrect"]
    return machine or maybe or []


def apply(source, spans):
    taken = []
    for s in spans:
        start, end = s["byte_start"], s["byte_end"]
        overlaps = any(start < e and b < end or (start == end == b == e) for b, e, _ in taken)
        if not overlaps:
            taken.append((start, end, s["suggested_replacement"].encode()))
    for start, end, text in sorted(taken, key=lambda t: t[0], reverse=True):
        source = source[:start] + text + source[end:]
    return source, len(taken)


def codes_of(errors):
    return collections.Counter(d["code"]["code"] for d in errors)


def fix(path, errors, code, work):
    """Writes `path` with the suggestions of `code`'s diagnostics applied into `work`; returns the copy."""
    spans = [s for d in errors if d["code"]["code"] == code for s in chosen_spans(d, str(path))]
    fixed, applied = apply(path.read_bytes(), spans)
    copy = work / path.name
    copy.write_bytes(fixed)
    return copy, applied


def try_fix(path, errors, code):
    """Applies the suggestions of `code`'s diagnostics to a copy of `path`; returns the codes after."""
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        copy, applied = fix(path, errors, code, work)
        exit_code, after = check(copy, work)
        return applied, exit_code, codes_of(after)


def night(items, fixable, occurrences):
    """Fixes the fixable codes one after another, largest first, on one copy of the corpus, like a
    night of the `suggest` agent would; prints the error count after each code."""
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(2) as pool:
        work = pathlib.Path(tmp)
        current = []
        for p in items:
            (work / p.name).write_bytes(p.read_bytes())
            current.append(work / p.name)
        results = dict(zip(current, pool.map(lambda p: check(p, work), current)))
        for code in sorted(fixable, key=lambda c: -occurrences[c]):
            before = sum((codes_of(e) for _, e in results.values()), collections.Counter())
            touched = [p for p, (_, e) in results.items() if code in codes_of(e)]
            with tempfile.TemporaryDirectory() as step:
                copies = [fix(p, results[p][1], code, pathlib.Path(step))[0] for p in touched]
                for p, c in zip(touched, copies):
                    p.write_bytes(c.read_bytes())
            results.update(zip(touched, pool.map(lambda p: check(p, work), touched)))
            after = sum((codes_of(e) for _, e in results.values()), collections.Counter())
            new = {c: n - before.get(c, 0) for c, n in after.items() if n > before.get(c, 0)}
            clean = sum(1 for rc, _ in results.values() if rc == 0)
            print(f"  {code}: {sum(before.values())} -> {sum(after.values())} errors in "
                  f"{len(touched)} programs, new {new or '-'}, {clean} programs compile")


def main():
    corpus = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "corpus")
    items = sorted(corpus.glob("*.rs"))
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = dict(zip(items, pool.map(lambda p: check(p, pathlib.Path(tmp)), items)))

    clean = [p.name for p, (rc, _) in results.items() if rc == 0]
    occurrences = collections.Counter()
    programs = collections.Counter()
    for _, errors in results.values():
        counts = codes_of(errors)
        occurrences.update(counts)
        programs.update(counts.keys())
    multi = sum(1 for _, errors in results.values() if len(codes_of(errors)) > 1)
    print(f"{len(items)} programs, {sum(occurrences.values())} errors, {len(occurrences)} codes, "
          f"{multi} programs with two or more codes, {len(clean)} compile cleanly {clean}")

    jobs = [(p, errors, code) for p, (_, errors) in results.items() for code in codes_of(errors)]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(lambda j: (j, try_fix(*j)), jobs))

    per_code = collections.defaultdict(lambda: {"left": 0, "new": collections.Counter(), "applied": 0})
    for (path, errors, code), (applied, _, after) in outcomes:
        before = codes_of(errors)
        row = per_code[code]
        row["applied"] += applied
        row["left"] += after.get(code, 0)
        for c, n in after.items():
            if c != code and n > before.get(c, 0):
                row["new"][c] += n - before.get(c, 0)
                print(f"  {path.name}: fixing {code} brings {c}", file=sys.stderr)

    fixable = []
    print(f"{'code':6} {'programs':>8} {'errors':>6} {'applied':>7} {'left':>4}  new codes  fixable")
    for code, n in occurrences.most_common():
        row = per_code[code]
        if row["left"] == 0 and not row["new"]:
            fixable.append(code)
        new = ",".join(f"{c}x{n}" for c, n in sorted(row["new"].items())) or "-"
        print(f"{code:6} {programs[code]:>8} {n:>6} {row['applied']:>7} {row['left']:>4}  {new:9}  "
              f"{'yes' if code in fixable else 'no'}")
    print("one code after another, largest first:")
    night(items, fixable, occurrences)


if __name__ == "__main__":
    main()
