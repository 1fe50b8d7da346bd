#!/usr/bin/env python3
"""Reference trainer for `nightshift learn`: LoRA supervised fine-tuning (Hugging Face PEFT) on Nightshift's chat JSONL.

Reads the dataset `nightshift dataset build` and `nightshift learn` write (one {"messages": [system, user, assistant]}
per line), optionally mixes in a replay file at a share (default 50%, against catastrophic forgetting), trains a LoRA
adapter on the assistant turns only, and writes to --output:

  adapter_config.json, adapter_model.safetensors   a standard PEFT adapter folder
  metrics.json                                     the loss per logged step, the final loss, counts and timings

It prints `step N: loss=X` lines (learn.train.loss_pattern: 'step (?<step>\\d+): loss=(?<loss>[0-9.]+)') and, with
--model-id, a last line `model: <id>` that names the model the learn loop evaluates; without it the output folder is the
model. Argument parsing, dataset reading and --dry-run use the standard library only: torch, transformers and peft are
imported when training starts (pip install -r trainers/requirements.txt). Exit codes: 0 trained (or dry run), 1 training
failed or its libraries are missing, 2 bad arguments or dataset.

See docs/learn.md.
"""

import argparse
import json
import math
import os
import random
import sys
import time

DEFAULT_REPLAY_SHARE = 0.5
DEFAULT_TARGET_MODULES = "q_proj,k_proj,v_proj,o_proj"


class UsageError(Exception):
    """Bad arguments or a bad dataset line: exit code 2."""


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="lora_sft.py",
        description="LoRA SFT on Nightshift's chat JSONL with a replay share; writes a PEFT adapter folder and metrics.json.",
        epilog="Example: python3 trainers/lora_sft.py --dataset {dataset} --output {output} "
        "--base-model Qwen/Qwen2.5-Coder-1.5B-Instruct --replay general.jsonl --replay-share 0.5",
    )
    parser.add_argument("--dataset", required=True, help="the chat JSONL to learn (learn.train's {dataset})")
    parser.add_argument("--output", required=True, help="the folder to write the adapter and metrics.json to ({output})")
    parser.add_argument("--base-model", required=True, help="a Hugging Face model id or a local model folder")
    parser.add_argument("--replay", help="earlier or general chat JSONL to mix in")
    parser.add_argument("--replay-share", type=float, default=DEFAULT_REPLAY_SHARE,
                        help="the share of the mixed data drawn from --replay, from 0 up to 1 (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="seeds the replay draw, the shuffle and the LoRA init")
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--learning-rate", type=float, default=2e-4)
    parser.add_argument("--rank", type=int, default=16, help="LoRA r")
    parser.add_argument("--alpha", type=int, default=32, help="LoRA alpha (the update is scaled by alpha / r)")
    parser.add_argument("--dropout", type=float, default=0.05)
    parser.add_argument("--target-modules", default=DEFAULT_TARGET_MODULES, help="comma-separated module names to adapt")
    parser.add_argument("--max-length", type=int, default=2048, help="tokens per example; longer ones are cut")
    parser.add_argument("--batch-size", type=int, default=1)
    parser.add_argument("--grad-accum", type=int, default=8, help="micro-batches per optimizer step")
    parser.add_argument("--log-every", type=int, default=1, help="optimizer steps per loss line")
    parser.add_argument("--model-id", help="print 'model: ID' at the end (the name the trained model is served under)")
    parser.add_argument("--dry-run", action="store_true", help="read and mix the data, print the counts, train nothing")
    args = parser.parse_args(argv)

    if not 0 <= args.replay_share < 1:
        parser.error(f"--replay-share must be from 0 up to 1 (not included), got {args.replay_share}")
    for name in ("rank", "alpha", "max_length", "batch_size", "grad_accum", "log_every"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1, got {getattr(args, name)}")
    if args.epochs <= 0 or args.learning_rate <= 0 or not 0 <= args.dropout < 1:
        parser.error("--epochs and --learning-rate must be above 0 and --dropout from 0 up to 1")
    if looks_like_path(args.base_model) and not os.path.isfile(os.path.join(args.base_model, "config.json")):
        parser.error(f"--base-model {args.base_model} is a path but not a model folder (it has no config.json)")
    args.target_modules = [m.strip() for m in args.target_modules.split(",") if m.strip()]
    if not args.target_modules:
        parser.error("--target-modules names no module")
    return args


def looks_like_path(model):
    return model.startswith(("/", "./", "../", "~")) or os.path.exists(model)


def read_examples(path):
    """The chat examples of a JSONL file; a line that is not one is a UsageError naming the file and line."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as e:
        raise UsageError(f"{path}: cannot be read ({e.strerror})") from e
    examples = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            example = json.loads(line)
        except json.JSONDecodeError as e:
            raise UsageError(f"{path}:{number}: not JSON ({e.msg})") from e
        messages = example.get("messages") if isinstance(example, dict) else None
        if not isinstance(messages, list) or not messages or not all(
                isinstance(m, dict) and isinstance(m.get("role"), str) and isinstance(m.get("content"), str) for m in messages):
            raise UsageError(f'{path}:{number}: not a chat example {{"messages": [{{"role": .., "content": ..}}, ..]}}')
        if messages[-1]["role"] != "assistant":
            raise UsageError(f"{path}:{number}: the last message is from '{messages[-1]['role']}'; the model learns the assistant's answer")
        examples.append(messages)
    return examples


def replay_count(new_examples, share):
    """As many replay examples as make `share` of the mix, the same rule as Nightshift's DatasetOptions.ReplayCountFor."""
    return 0 if share == 0 else math.floor(new_examples * share / (1 - share) + 1e-9)


def mix(examples, replay, share, seed):
    """The examples with a seeded draw from `replay`, shuffled; and how many replay examples went in."""
    rng = random.Random(seed)
    drawn = rng.sample(replay, min(replay_count(len(examples), share), len(replay))) if replay else []
    mixed = examples + drawn
    rng.shuffle(mixed)
    return mixed, len(drawn)


def main(argv=None):
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
        examples = read_examples(args.dataset)
        replay = read_examples(args.replay) if args.replay else []
        if not examples:
            raise UsageError(f"{args.dataset}: holds no examples")
    except UsageError as e:
        print(f"lora_sft.py: {e}", file=sys.stderr)
        return 2

    mixed, replayed = mix(examples, replay, args.replay_share, args.seed)
    print(f"dataset: {len(examples)} example(s) from {args.dataset}", flush=True)
    if args.replay:
        print(f"replay: {replayed} of {len(replay)} example(s) from {args.replay} (share {args.replay_share:.0%})", flush=True)
    print(f"total: {len(mixed)} example(s)", flush=True)
    if args.dry_run:
        return 0

    try:
        from train_loop import train  # torch, transformers and peft load here, not before
    except ImportError as e:
        print(f"lora_sft.py: cannot train: {e}. Install the trainer's libraries: pip install -r trainers/requirements.txt", file=sys.stderr)
        return 1

    started = time.monotonic()
    losses = train(args, mixed)
    os.makedirs(args.output, exist_ok=True)
    metrics = {
        "base_model": args.base_model,
        "dataset": os.path.abspath(args.dataset),
        "examples": len(examples),
        "replay": replayed,
        "replay_share": args.replay_share,
        "epochs": args.epochs,
        "rank": args.rank,
        "alpha": args.alpha,
        "steps": len(losses),
        "loss": [{"step": step, "loss": loss} for step, loss in losses],
        "final_loss": losses[-1][1] if losses else None,
        "seconds": round(time.monotonic() - started, 1),
    }
    with open(os.path.join(args.output, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump(metrics, f, indent=2)
        f.write("\n")
    if args.model_id:
        print(f"model: {args.model_id}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
