"""The training half of lora_sft.py: everything that needs torch, transformers and peft (trainers/requirements.txt)."""

import math
import random

import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer, get_linear_schedule_with_warmup


def encode(tokenizer, messages, max_length):
    """Token ids of the whole chat, and labels that keep only the assistant's answer (the prompt is -100)."""
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=True, add_generation_prompt=True, return_dict=False)
    full = tokenizer.apply_chat_template(messages, tokenize=True, return_dict=False)
    full = full[:max_length]
    labels = [-100] * min(len(prompt), len(full)) + full[len(prompt):]
    return full, labels


def batches(encoded, batch_size, pad_id, rng):
    order = list(range(len(encoded)))
    rng.shuffle(order)
    for start in range(0, len(order), batch_size):
        chunk = [encoded[i] for i in order[start:start + batch_size]]
        width = max(len(ids) for ids, _ in chunk)
        ids = [ids + [pad_id] * (width - len(ids)) for ids, _ in chunk]
        labels = [labels + [-100] * (width - len(labels)) for _, labels in chunk]
        mask = [[1] * len(i) + [0] * (width - len(i)) for i, _ in chunk]
        yield torch.tensor(ids), torch.tensor(labels), torch.tensor(mask)


def train(args, examples):
    """Trains a LoRA adapter on `examples`, saves it to args.output and returns [(step, loss)]."""
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    device = "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
    dtype = torch.bfloat16 if device == "cuda" and torch.cuda.is_bf16_supported() else torch.float32

    tokenizer = AutoTokenizer.from_pretrained(args.base_model)
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(args.base_model, torch_dtype=dtype).to(device)
    model = get_peft_model(model, LoraConfig(
        r=args.rank, lora_alpha=args.alpha, lora_dropout=args.dropout, target_modules=args.target_modules, task_type="CAUSAL_LM"))
    model.print_trainable_parameters()

    encoded = [encode(tokenizer, messages, args.max_length) for messages in examples]
    encoded = [(ids, labels) for ids, labels in encoded if any(label != -100 for label in labels)]
    if not encoded:
        raise ValueError(f"no example keeps any of its answer within --max-length {args.max_length}")
    micro_batches = math.ceil(len(encoded) / args.batch_size)
    total_steps = max(1, math.ceil(micro_batches * args.epochs / args.grad_accum))
    optimizer = torch.optim.AdamW((p for p in model.parameters() if p.requires_grad), lr=args.learning_rate)
    schedule = get_linear_schedule_with_warmup(optimizer, max(1, total_steps // 20), total_steps)

    model.train()
    losses, step, window, seen = [], 0, [], 0
    while step < total_steps:
        for ids, labels, mask in batches(encoded, args.batch_size, tokenizer.pad_token_id, rng):
            loss = model(input_ids=ids.to(device), attention_mask=mask.to(device), labels=labels.to(device)).loss
            (loss / args.grad_accum).backward()
            window.append(loss.item())
            seen += 1
            if seen % args.grad_accum:
                continue
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            if step % args.log_every == 0 or step == total_steps:
                mean = sum(window) / len(window)
                losses.append((step, mean))
                print(f"step {step}: loss={mean:.4f}", flush=True)
                window = []
            if step == total_steps:
                break

    model.save_pretrained(args.output)  # adapter_config.json + adapter_model.safetensors
    return losses
