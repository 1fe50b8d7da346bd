#!/usr/bin/env python3
"""Times crash-watch's detection: from a crash report being completely written to the crash journaled.

Two crash-watch sessions run side by side, each on its own temporary git repository, and crash reports are written
into them alternately, so that both share the machine's state and only their ratio is read:

  a  nightshift crash-watch               (file-change notifications, plus a listing every crash.poll)
  b  nightshift crash-watch --poll-only   (the listing alone: what a watcher without notifications does)
  c  nightshift crash-watch, crash.settle: 50ms

a and b use the defaults, crash.poll 1s and crash.settle 200ms: a report is taken once its last write is 200 ms old
and its size still agrees, so 200 ms is their floor by design (a writer pausing longer would be read half-written);
c shows what a shorter settle time buys where crash reports are written in one go.

Each report is a Rust panic written in three flushed pieces. The latency is the journal's time of the
crash_detected event minus the moment the writer closed the file (both on this machine's clock; the journal
keeps milliseconds). The event's own latency_ms (from the file's modification time to the task journaled, measured
inside crash-watch) is reported alongside. One warm-up report each, then --runs timed ones. Before each report the
script sleeps a random 0 to 1 s (a fixed seed), so that writes fall anywhere in the listing's cycle; after it, it waits
for that crash's pipeline to end (no agent recording: rejected at once), so runs do not overlap.

Usage: python3 bench/crash_detect.py [--runs 9] [--cli path/to/Nightshift.Cli.dll]
Without --cli the CLI is built in Release into a temporary folder first.
"""

import argparse
import datetime
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from baseline import build_cli, save_results, version  # noqa: E402  (same folder)

CONFIG = """version: 1
build:
  command: ["true"]
agent:
  provider: replay
  replay: recordings
landing:
  branch: "bench/{date}"
crash:
  watch: crashes/*.txt
"""

MAIN_RS = "fn main() {\n    panic!(\"bench\");\n}\n"

TIMEOUT = 60

# crash.poll's default: the listing interval of both contenders.
POLL = 1.0
RANDOM = random.Random(20261202)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="timed reports per contender (default 9, at least 5)")
    parser.add_argument("--cli", help="Nightshift.Cli.dll to run with dotnet (default: build Release)")
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("--runs must be at least 5")

    with tempfile.TemporaryDirectory(prefix="nightshift-crash-bench-") as temp:
        cli = os.path.abspath(args.cli) if args.cli else build_cli(os.path.join(temp, "cli"))
        contenders = {
            "a": Session("crash-watch (file events + poll)", cli, os.path.join(temp, "a"), []),
            "b": Session("crash-watch --poll-only", cli, os.path.join(temp, "b"), ["--poll-only"]),
            "c": Session("crash-watch, crash.settle: 50ms", cli, os.path.join(temp, "c"), [], "  settle: 50ms\n"),
        }
        try:
            for session in contenders.values():
                session.start()
            for session in contenders.values():
                session.wait_until_watching()
                session.crash("warm-up")
            latencies = {key: [] for key in contenders}
            inner = {key: [] for key in contenders}
            for run in range(args.runs):
                for key, session in contenders.items():
                    outside, inside = session.crash(f"run {run}")
                    latencies[key].append(outside)
                    inner[key].append(inside)
        finally:
            for session in contenders.values():
                session.stop()

        report(contenders, latencies, inner, args.runs, cli)


class Session:
    """One crash-watch process on its own repository, and the reports written into it."""

    def __init__(self, label, cli, path, options, crash_config=""):
        self.label = label
        self.cli = cli
        self.path = path
        self.options = options
        self.crash_config = crash_config
        self.process = None
        self.count = 0
        self.events_read = 0

    def start(self):
        os.makedirs(os.path.join(self.path, "src"))
        os.makedirs(os.path.join(self.path, "crashes"))
        os.makedirs(os.path.join(self.path, "recordings"))
        write(os.path.join(self.path, "nightshift.yml"), CONFIG + self.crash_config)
        write(os.path.join(self.path, "src", "main.rs"), MAIN_RS)
        write(os.path.join(self.path, ".gitignore"), "crashes/\nrecordings/\n")
        for command in (["git", "init", "-q"], ["git", "add", "-A"],
                        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-qm", "bench"]):
            subprocess.run(command, cwd=self.path, check=True)
        self.log = os.path.join(os.path.dirname(self.path), os.path.basename(self.path) + ".log")
        with open(self.log, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                ["dotnet", self.cli, "crash-watch", "--json", "--verbose", *self.options], cwd=self.path,
                stdout=subprocess.DEVNULL, stderr=log, text=True, env=dict(os.environ, NO_COLOR="1"))

    def wait_until_watching(self):
        status = os.path.join(self.path, ".nightshift", "status.json")
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                with open(self.log, encoding="utf-8") as log:
                    sys.exit(f"bench: crash-watch in {self.path} exited {self.process.returncode}:\n{log.read()[-3000:]}")
            try:
                with open(status, encoding="utf-8") as file:
                    if json.load(file)["phase"] == "watching":
                        return
            except (OSError, ValueError, KeyError):
                pass
            time.sleep(0.05)
        sys.exit(f"bench: crash-watch in {self.path} did not start watching")

    def crash(self, message):
        """Writes a report and returns (seconds from close to journaled, crash-watch's own latency in seconds)."""
        self.count += 1
        path = os.path.join(self.path, "crashes", f"crash-{self.count}.txt")
        # A word of its own per report (digits would be normalized away): each is a new crash, not one coming back.
        word = "".join(chr(ord("a") + int(digit)) for digit in str(self.count))
        # A random pause first: without it the writes would lock onto the phase of b's listing (each round starts right
        # after b's last detection), and b would look as fast as the pause between rounds happens to make it.
        time.sleep(RANDOM.uniform(0, POLL))
        pieces = [f"thread 'main' panicked at src/main.rs:2:5:\n", f"{message} {word}\n",
                  "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n"]
        with open(path, "w", encoding="utf-8") as file:
            for piece in pieces:
                file.write(piece)
                file.flush()
        closed = time.time()
        detected = self.wait_for("crash_detected", lambda p: p.get("file") == path)
        self.wait_for("crash_done", lambda p: p.get("task") == detected["payload"]["task"])
        at = datetime.datetime.fromisoformat(detected["at"].replace("Z", "+00:00")).timestamp()
        return at - closed, detected["payload"]["latency_ms"] / 1000

    def wait_for(self, kind, matches):
        events = os.path.join(self.path, ".nightshift", "events.jsonl")
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if os.path.exists(events):
                with open(events, encoding="utf-8") as file:
                    lines = file.read().splitlines()
                for line in lines[self.events_read:]:
                    self.events_read += 1
                    event = json.loads(line)
                    if event["kind"] == kind and matches(event.get("payload") or {}):
                        return event
            time.sleep(0.01)
        with open(self.log, encoding="utf-8") as log:
            tail = log.read()[-3000:]
        sys.exit(f"bench: no {kind} event in {events} within {TIMEOUT} s; crash-watch said:\n{tail}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()


def write(path, text):
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def report(contenders, latencies, inner, runs, cli):
    ms = lambda seconds: seconds * 1000  # noqa: E731
    medians = {key: statistics.median(values) for key, values in latencies.items()}
    facts = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "machine": f"{platform.system()} {platform.release()} {platform.machine()}",
        "dotnet": version(["dotnet", "--version"]),
        "load": os.getloadavg(),
        "runs": runs,
        "cli": cli,
    }
    print(f"Run {facts['date']} on {facts['cores']} cores ({facts['machine']}), .NET SDK {facts['dotnet']}, one warm-up and "
          f"{runs} timed reports each, alternating a, b, c; load average {facts['load'][0]:.1f} at the end.\n")
    print("| contender | median (ms) | min (ms) | max (ms) | crash-watch's own median (ms) | ratio to b |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for key, session in contenders.items():
        values = latencies[key]
        print(f"| {key}: {session.label} | {ms(medians[key]):.0f} | {ms(min(values)):.0f} | {ms(max(values)):.0f} | "
              f"{ms(statistics.median(inner[key])):.0f} | {medians[key] / medians['b']:.2f} |")
    print(f"\na/b = {medians['a'] / medians['b']:.2f}, c/b = {medians['c'] / medians['b']:.2f}")

    save_results("crash-detect", {"facts": facts, "latencies": latencies, "inner": inner, "medians": medians})


if __name__ == "__main__":
    main()
