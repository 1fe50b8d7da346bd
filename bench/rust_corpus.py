#!/usr/bin/env python3
"""Writes the benchmark's rustc corpus: examples/rust-corpus's 52 programs plus generated ones.

The 52 hand-written programs each fail to compile; the generated ones (44 by default, so 96 items in all) are
small, self-contained programs made deterministically from the templates below: each template is a real
mistake (a type mismatch, a misspelt method, a borrow held too long, a non-exhaustive match, ...) or a program
that compiles, with or without warnings, instantiated with different names and numbers. Same arguments, same
files, byte for byte, so every benchmark run compiles the same corpus.

Usage: python3 bench/rust_corpus.py DESTINATION [--generated 44]
DESTINATION gets nightshift.yml (the example's probe) and corpus/*.rs; it must not exist yet.
"""

import argparse
import os
import random
import shutil

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(REPO, "examples", "rust-corpus")

NOUNS = ["order", "ticket", "sensor", "account", "packet", "invoice", "player", "route", "sample", "record", "shelf"]
FIELDS = ["count", "weight", "price", "level", "score", "total", "width", "depth"]

# A shared prelude of ordinary code (a struct, an impl, an iterator chain), so each program gives rustc some real
# work besides its mistake, as a transpiler's output or a student's exercise would.
PRELUDE = """\
#[derive(Debug, Clone, PartialEq)]
struct {Noun} {{
    id: u32,
    name: String,
    {field}: i64,
}}

impl {Noun} {{
    fn new(id: u32, name: &str, {field}: i64) -> Self {{
        {Noun} {{ id, name: name.to_string(), {field} }}
    }}

    fn describe(&self) -> String {{
        format!("{{}} #{{}}: {{}}", self.name, self.id, self.{field})
    }}
}}

fn {noun}s() -> Vec<{Noun}> {{
    (1..={n}).map(|i| {Noun}::new(i, &format!("{noun}-{{}}", i), i as i64 * {k})).collect()
}}

fn heaviest(items: &[{Noun}]) -> Option<&{Noun}> {{
    items.iter().max_by_key(|item| item.{field})
}}
"""

# name -> main body (and extra items) after the prelude. Placeholders: {Noun}, {noun}, {field}, {n}, {k}.
TEMPLATES = {
    "return_str_as_string": """
fn label(item: &{Noun}) -> String {{
    &item.name
}}

fn main() {{
    for item in {noun}s() {{
        println!("{{}}", label(&item));
    }}
}}
""",
    "integer_width": """
fn sum(items: &[{Noun}]) -> i32 {{
    items.iter().map(|item| item.{field}).sum::<i64>()
}}

fn main() {{
    println!("{{}}", sum(&{noun}s()));
}}
""",
    "misspelt_method": """
fn main() {{
    let mut items = {noun}s();
    items.push_bak({Noun}::new({n} + 1, "late", {k}));
    println!("{{:?}}", heaviest(&items).map(|item| item.describe()));
}}
""",
    "unknown_variable": """
fn main() {{
    let items = {noun}s();
    let total: i64 = items.iter().map(|item| item.{field}).sum();
    println!("{{}} of {{}}", totl, items.len());
}}
""",
    "use_after_move": """
fn archive(items: Vec<{Noun}>) -> usize {{
    items.len()
}}

fn main() {{
    let items = {noun}s();
    let archived = archive(items);
    println!("{{}} archived, first {{:?}}", archived, items.first());
}}
""",
    "push_while_borrowed": """
fn main() {{
    let mut items = {noun}s();
    let first = &items[0];
    items.push({Noun}::new(99, "extra", {k}));
    println!("{{}}", first.describe());
}}
""",
    "two_mutable_borrows": """
fn main() {{
    let mut items = {noun}s();
    let a = &mut items[0];
    let b = &mut items[1];
    a.{field} += 1;
    b.{field} -= 1;
    println!("{{:?}}", heaviest(&items));
}}
""",
    "assign_twice": """
fn main() {{
    let best = 0;
    for item in {noun}s() {{
        if item.{field} > best {{
            best = item.{field};
        }}
    }}
    println!("{{}}", best);
}}
""",
    "borrow_not_mut": """
fn main() {{
    let items = {noun}s();
    let log = Vec::new();
    for item in &items {{
        log.push(item.describe());
    }}
    println!("{{}}", log.join(", "));
}}
""",
    "wrong_argument_count": """
fn scaled(item: &{Noun}, factor: i64, offset: i64) -> i64 {{
    item.{field} * factor + offset
}}

fn main() {{
    for item in {noun}s() {{
        println!("{{}}", scaled(&item, {k}));
    }}
}}
""",
    "missing_display": """
fn main() {{
    let items = {noun}s();
    if let Some(item) = heaviest(&items) {{
        println!("heaviest: {{}}", item);
    }}
}}
""",
    "add_string_to_int": """
fn main() {{
    let items = {noun}s();
    let text = items[0].name.clone();
    let mixed = items[0].{field} + text;
    println!("{{}}", mixed);
}}
""",
    "non_exhaustive_match": """
enum Grade {{
    Low,
    Middle,
    High,
}}

fn grade(item: &{Noun}) -> Grade {{
    if item.{field} < {k} {{ Grade::Low }} else if item.{field} < {k} * 3 {{ Grade::Middle }} else {{ Grade::High }}
}}

fn main() {{
    for item in {noun}s() {{
        let text = match grade(&item) {{
            Grade::Low => "low",
            Grade::Middle => "middle",
        }};
        println!("{{}} {{}}", item.name, text);
    }}
}}
""",
    "missing_struct_field": """
fn main() {{
    let extra = {Noun} {{ id: 0, name: String::from("spare") }};
    let mut items = {noun}s();
    items.push(extra);
    println!("{{}}", items.len());
}}
""",
    "unknown_field": """
fn main() {{
    let items = {noun}s();
    let sum: i64 = items.iter().map(|item| item.amount).sum();
    println!("{{}}", sum);
}}
""",
    "move_out_of_borrow": """
fn names(items: &Vec<{Noun}>) -> Vec<String> {{
    let mut out = Vec::new();
    for i in 0..items.len() {{
        out.push(items[i].name);
    }}
    out
}}

fn main() {{
    println!("{{:?}}", names(&{noun}s()));
}}
""",
    "does_not_live_long_enough": """
fn main() {{
    let best;
    {{
        let items = {noun}s();
        best = heaviest(&items);
    }}
    println!("{{:?}}", best);
}}
""",
    "missing_lifetime": """
fn longer(a: &str, b: &str) -> &str {{
    if a.len() >= b.len() {{ a }} else {{ b }}
}}

fn main() {{
    let items = {noun}s();
    println!("{{}}", longer(&items[0].name, &items[1].name));
}}
""",
    "unresolved_path": """
fn main() {{
    let mut index = HashMap::new();
    for item in {noun}s() {{
        index.insert(item.id, item.{field});
    }}
    println!("{{}}", index.len());
}}
""",
    "two_mistakes": """
fn average(items: &[{Noun}]) -> f64 {{
    let total: i64 = items.iter().map(|item| item.{field}).sum();
    total / items.len()
}}

fn main() {{
    let items = {noun}s();
    println!("{{}}", average(&items).round_to(2));
}}
""",
    "compiles_cleanly": """
fn main() {{
    let items = {noun}s();
    let total: i64 = items.iter().map(|item| item.{field}).sum();
    match heaviest(&items) {{
        Some(item) => println!("{{}} of {{}}: {{}}", item.describe(), items.len(), total),
        None => println!("no {noun}s"),
    }}
}}
""",
    "compiles_with_warnings": """
fn main() {{
    let items = {noun}s();
    let unused_total = items.len() * {k};
    let mut names = Vec::new();
    for item in &items {{
        names.push(item.name.clone());
    }}
    println!("{{}}", names.join(" "));
}}
""",
}


def write_corpus(destination, generated=44):
    """Copies the example's programs and nightshift.yml into destination and adds `generated` programs; returns the item count."""
    os.makedirs(os.path.join(destination, "corpus"))
    shutil.copy(os.path.join(EXAMPLE, "nightshift.yml"), destination)
    count = 0
    for name in sorted(os.listdir(os.path.join(EXAMPLE, "corpus"))):
        if name.endswith(".rs"):
            shutil.copy(os.path.join(EXAMPLE, "corpus", name), os.path.join(destination, "corpus", name))
            count += 1

    rng = random.Random(17)  # issue 17; a fixed seed, so the corpus is the same on every run
    names = list(TEMPLATES)
    for index in range(generated):
        template = names[index % len(names)]
        noun = NOUNS[rng.randrange(len(NOUNS))]
        values = {"Noun": noun.capitalize(), "noun": noun, "field": FIELDS[rng.randrange(len(FIELDS))],
                  "n": rng.randint(3, 40), "k": rng.randint(2, 90)}
        source = "// Generated by bench/rust_corpus.py\n" + PRELUDE.format(**values) + TEMPLATES[template].format(**values)
        count += 1
        path = os.path.join(destination, "corpus", f"g{count:03d}_{template}.rs")
        with open(path, "w", encoding="utf-8") as file:
            file.write(source)

    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("destination")
    parser.add_argument("--generated", type=int, default=44, help="generated programs besides the example's 52 (default 44)")
    args = parser.parse_args()
    print(f"{write_corpus(args.destination, args.generated)} items in {args.destination}")


if __name__ == "__main__":
    main()
