#!/usr/bin/env bash
# Regenerates the captured tool output under tests/Nightshift.Tests/Fixtures.
#
# Not run by CI: the fixtures are committed, so the parser tests need none of these tools.
# Run it by hand when a tool's output format changes, then review the diff and update the
# exact numbers in the parser specs.
#
#   bash tests/Nightshift.Tests/Fixtures/regenerate.sh
#
# Tools, with the versions the committed fixtures came from:
#   rustc/cargo/clippy 1.95.0, g++ 12.2 (Debian), clang++ 14 (Debian: apt-get install -y clang),
#   .NET SDK 10.0.401 (xunit 2.9.3 from the offline folder /opt/nuget/packages),
#   TypeScript 5.9.3 and 7.0.2 (npm), CPython 3.11.7 for tracebacks,
#   pytest 7.2.1 (Debian: apt-get install -y python3-pytest, run as /usr/bin/python3 -m pytest).
#
# Everything is built in the fixed folder /tmp/nightshift-fixtures, so the absolute paths some
# tools print (MSBuild, Python, pytest) are the same on every run; nothing in the output is
# rewritten except where a comment below says so.
set -euo pipefail

FIXTURES="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK=/tmp/nightshift-fixtures
PYTHON="${PYTHON:-python3}"
export LANG=C.UTF-8 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 RUST_BACKTRACE=0 NO_COLOR=
unset CARGO_TERM_COLOR

rm -rf "$WORK"
mkdir -p "$WORK" "$FIXTURES"/{rustc,cargo,msbuild,gcc,clang,tsc,python,pytest,trx}

# ---------------------------------------------------------------------------------------------
# rustc: one file with several errors (E0308 twice, E0425) and an unused import, in JSON and in
# the human format; and a warnings-only file (its JSON ends with "2 warnings emitted").
mkdir -p "$WORK/rustc" && cd "$WORK/rustc"
cat > multi.rs <<'EOF'
use std::collections::HashMap;

fn total(values: &Vec<i32>) -> i32 {
    let mut sum = 0;
    for i in 0..values.len() {
        sum += values[i];
    }
    sum
}

fn main() {
    let mut count = 0;
    let label: String = 42;
    let numbers = vec![1, 2, 3];
    println!("{}", totl(&numbers));
    let answer: i32 = "seven";
    println!("{} {}", label, answer);
}
EOF
cat > warn.rs <<'EOF'
fn main() {
    let mut total = 0;
    let unused = 1;
    println!("{}", total);
}
EOF
rustc --edition 2021 --error-format=json multi.rs 2> "$FIXTURES/rustc/multi.json" || true
rustc --edition 2021 multi.rs 2> "$FIXTURES/rustc/multi.txt" || true
rustc --edition 2021 --error-format=json -o warn warn.rs 2> "$FIXTURES/rustc/warnings.json"

# ---------------------------------------------------------------------------------------------
# cargo: a crate whose library compiles with warnings (unused_mut, two unused_variables, and
# clippy::needless_range_loop with a HasPlaceholders suggestion) and whose binary does not
# (E0308 with a MachineApplicable suggestion, E0599 with a MaybeIncorrect one).
mkdir -p "$WORK/cargo/src" && cd "$WORK/cargo"
cat > Cargo.toml <<'EOF'
[package]
name = "broken"
version = "0.1.0"
edition = "2021"

[dependencies]
EOF
cat > src/lib.rs <<'EOF'
pub fn total(values: &[i32]) -> i32 {
    let mut sum = 0;
    for i in 0..values.len() {
        sum += values[i];
    }
    sum
}

pub fn scaled(values: &[i32], factor: i32) -> Vec<i32> {
    let mut out = Vec::new();
    let mut unused = 0;
    for v in values {
        out.push(v * factor);
    }
    out
}

pub fn shifted(values: &[i32], offset: i32) -> Vec<i32> {
    let spare = offset;
    values.iter().map(|v| v + 1).collect()
}
EOF
cat > src/main.rs <<'EOF'
use broken::total;

fn main() {
    let numbers = vec![1, 2, 3];
    let sum: u64 = total(&numbers);
    println!("{}", numbers.length());
    println!("{}", sum);
}
EOF
cargo clippy --quiet --message-format=json > "$FIXTURES/cargo/clippy.json" 2> /dev/null || true
touch src/lib.rs src/main.rs
# The human format, as a probe sees it: cargo's own lines and rustc's on one stream.
cargo clippy --color never > "$FIXTURES/cargo/clippy.txt" 2>&1 || true

# cargo test: unit tests, an integration test binary and doc-tests, with passing, failing and
# ignored tests; --no-fail-fast so that every binary runs. stdout and stderr on one stream.
mkdir -p "$WORK/cargo-test/src" "$WORK/cargo-test/tests" && cd "$WORK/cargo-test"
cat > Cargo.toml <<'EOF'
[package]
name = "tested"
version = "0.1.0"
edition = "2021"

[dependencies]
EOF
cat > src/lib.rs <<'EOF'
/// Adds two numbers.
///
/// ```
/// assert_eq!(tested::add(2, 2), 4);
/// ```
pub fn add(a: i32, b: i32) -> i32 {
    a + b
}

/// Halves a number, rounding down.
///
/// ```
/// assert_eq!(tested::halve(7), 4);
/// ```
pub fn halve(a: i32) -> i32 {
    a / 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_adds() {
        assert_eq!(add(2, 3), 5);
    }

    #[test]
    fn it_halves_odd_numbers_up() {
        assert_eq!(halve(7), 4);
    }

    #[test]
    #[ignore = "slow"]
    fn it_adds_big_numbers() {
        assert_eq!(add(i32::MAX - 1, 1), i32::MAX);
    }

    #[test]
    fn it_halves_even_numbers() {
        assert_eq!(halve(8), 4);
    }
}
EOF
cat > tests/api.rs <<'EOF'
#[test]
fn add_is_commutative() {
    assert_eq!(tested::add(1, 2), tested::add(2, 1));
}

#[test]
#[should_panic(expected = "overflow")]
fn add_overflows_loudly() {
    tested::add(i32::MAX, 1);
}

#[test]
#[ignore]
fn add_handles_everything() {}
EOF
cargo build --quiet --tests 2> /dev/null
cargo test --no-fail-fast --color never > "$FIXTURES/cargo/test.txt" 2>&1 || true

# ---------------------------------------------------------------------------------------------
# MSBuild/csc: a classlib (no packages, so restore works offline) with CS0103, CS0029 twice,
# CS0168 and CS8618, plus MSB9008 from a reference to a project that does not exist.
# Redirected output uses the classic console logger, which repeats every warning and error in
# the summary after "Build FAILED.".
mkdir -p "$WORK/msbuild" && cd "$WORK/msbuild"
cat > Broken.csproj <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="../Missing/Missing.csproj" />
  </ItemGroup>
</Project>
EOF
cat > Calculator.cs <<'EOF'
namespace Broken;

public class Calculator
{
    public int Add(int a, int b)
    {
        int unused;
        return a + b + offset;
    }

    public string Describe(int value)
    {
        int text = "value: " + value;
        return text;
    }

    public string Name { get; set; }
}
EOF
dotnet build > "$FIXTURES/msbuild/build.txt" 2>&1 || true
# Neither logger hard-wraps: COLUMNS=60, and a 60-column pty under script(1) with -tl:off and
# -tl:on, all leave long lines whole and wrapping to the terminal. Logs copied out of a terminal
# or a CI viewer that wraps do contain split lines, so this fixture is CRAFTED from the real
# output above by folding it at 80 columns.
fold -w 80 "$FIXTURES/msbuild/build.txt" > "$FIXTURES/msbuild/build-wrapped.txt"

# ---------------------------------------------------------------------------------------------
# gcc and clang: an include chain (main.cpp -> widget.h -> config.h with an error), a missing
# ';' after a struct and a misspelled member (both with fix-it hints), too many arguments (with a
# note), and warn.cpp with -Wunused-variable and -Wparentheses (whose notes carry fix-its).
mkdir -p "$WORK/cpp" && cd "$WORK/cpp"
cat > config.h <<'EOF'
#pragma once
inline int scale(int value) {
    return value * factor;
}
EOF
cat > widget.h <<'EOF'
#pragma once
#include "config.h"

struct Widget {
    int width;
    int height;
};
EOF
cat > main.cpp <<'EOF'
#include "widget.h"

struct Point {
    int x;
    int y;
}

int area(const Widget& w) {
    int unused = 0;
    return w.widht * w.height;
}

int main() {
    Widget w{2, 3};
    return area(w, 1);
}
EOF
cat > warn.cpp <<'EOF'
int compute(int x) {
    int unused = 0;
    if (x = 3)
        return 1;
    return 0;
}
EOF
g++ -Wall -c main.cpp warn.cpp 2> "$FIXTURES/gcc/build.txt" || true
g++ -Wall -fdiagnostics-parseable-fixits -c main.cpp warn.cpp 2> "$FIXTURES/gcc/fixits.txt" || true
clang++ -Wall -c main.cpp warn.cpp 2> "$FIXTURES/clang/build.txt" || true
clang++ -Wall -fdiagnostics-parseable-fixits -c main.cpp warn.cpp 2> "$FIXTURES/clang/fixits.txt" || true
rm -f ./*.o

# ---------------------------------------------------------------------------------------------
# tsc 5 (JavaScript) and tsc 7 (the native port) differ in how --pretty prints related
# locations, so both are kept. --pretty true forces colour even though stdout is a file.
mkdir -p "$WORK/tsc/src" && cd "$WORK/tsc"
cat > tsconfig.json <<'EOF'
{ "compilerOptions": { "strict": true, "noEmit": true, "target": "es2020" }, "include": ["src"] }
EOF
cat > src/b.ts <<'EOF'
export const present = 1;
EOF
cat > src/a.ts <<'EOF'
import { missing } from "./b";

const count: number = "three";
let total = 0;
for (const item of itemz) {
    total += item;
}

function greet(name: string): string {
    return "Hello, " + nam;
}

console.log(greet(42), count, total, missing);

interface Shape { kind: "circle"; radius: number }
const shape: Shape = { kind: "circle" };
export { shape };
export const handler: (n: number) => string = (s: string) => s;
EOF
for version in 5.9.3 7.0.2; do
    major="${version%%.*}"
    npm install --silent --no-save --prefix "$WORK/tsc$major" "typescript@$version" > /dev/null 2>&1
    "$WORK/tsc$major/node_modules/.bin/tsc" -p . --pretty false > "$FIXTURES/tsc/tsc$major-plain.txt" || true
    "$WORK/tsc$major/node_modules/.bin/tsc" -p . --pretty true > "$FIXTURES/tsc/tsc$major-pretty.txt" || true
done

# ---------------------------------------------------------------------------------------------
# Python tracebacks: a NameError four frames deep, an exception chained with "from", a
# SyntaxError of a script and the same SyntaxError reached through an import.
mkdir -p "$WORK/python" && cd "$WORK/python"
cat > inventory.py <<'EOF'
def restock(items, name):
    return items[name] + amount


def report(items):
    return {name: restock(items, name) for name in items}


if __name__ == "__main__":
    print(report({"apples": 3}))
EOF
cat > parse.py <<'EOF'
import json


def load(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"bad config: {error.msg}") from error


load("{not json")
EOF
cat > broken.py <<'EOF'
def greet(name):
    print("Hello, " + name
EOF
cat > imports_broken.py <<'EOF'
import broken
EOF
"$PYTHON" inventory.py 2> "$FIXTURES/python/nameerror.txt" || true
"$PYTHON" parse.py 2> "$FIXTURES/python/chained.txt" || true
"$PYTHON" broken.py 2> "$FIXTURES/python/syntaxerror.txt" || true
"$PYTHON" imports_broken.py 2> "$FIXTURES/python/syntaxerror-import.txt" || true

# ---------------------------------------------------------------------------------------------
# pytest: passes, assertion failures (one parametrized), an exception raised in the code under
# test, a skip, a missing fixture (error at setup) and a module that fails to import (collection
# error), with the console summary and --junitxml. COLUMNS fixes the width pytest truncates
# summary lines to.
mkdir -p "$WORK/pytest/tests" && cd "$WORK/pytest"
cat > calc.py <<'EOF'
def add(a, b):
    return a + b


def divide(a, b):
    return a / b
EOF
cat > tests/test_calc.py <<'EOF'
import pytest

from calc import add, divide


def test_add():
    assert add(2, 2) == 4


def test_add_negative():
    assert add(-2, -2) == -3


def test_divide_by_zero():
    assert divide(1, 0) == 0


@pytest.mark.skip(reason="not implemented yet")
def test_multiply():
    pass


@pytest.mark.parametrize("a,b,expected", [(1, 1, 2), (2, 3, 6)])
def test_add_table(a, b, expected):
    assert add(a, b) == expected


class TestDivide:
    def test_half(self):
        assert divide(1, 2) == 0.5

    def test_third(self, tolerance):
        assert abs(divide(1, 3) - 0.333) < tolerance
EOF
cat > tests/test_broken.py <<'EOF'
from calc import subtract


def test_subtract():
    assert subtract(3, 1) == 2
EOF
touch tests/__init__.py conftest.py
COLUMNS=80 /usr/bin/python3 -m pytest -p no:cacheprovider --continue-on-collection-errors \
    --junitxml=junit.xml > "$FIXTURES/pytest/summary.txt" || true
cp junit.xml "$FIXTURES/pytest/junit.xml"

# ---------------------------------------------------------------------------------------------
# dotnet test --logger trx on a tiny xunit project: 2 passed, 3 failed (one theory case, one
# exception), 1 skipped. Packages come from the machine's offline folder.
mkdir -p "$WORK/trx" && cd "$WORK/trx"
cat > Sample.Tests.csproj <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <IsPackable>false</IsPackable>
    <RestoreSources>/opt/nuget/packages</RestoreSources>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
    <PackageReference Include="xunit" Version="2.9.3" />
    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
  </ItemGroup>
</Project>
EOF
cat > CalculatorTests.cs <<'EOF'
using Xunit;

namespace Sample.Tests;

public class CalculatorTests
{
    [Fact]
    public void Adds_two_numbers() => Assert.Equal(4, 2 + 2);

    [Fact]
    public void Subtracts_two_numbers() => Assert.Equal(1, 3 - 1);

    [Fact(Skip = "not implemented yet")]
    public void Multiplies_two_numbers() => Assert.Equal(6, 2 * 3);

    [Theory]
    [InlineData(4, 2, 2)]
    [InlineData(9, 3, 4)]
    public void Divides(int a, int b, int expected) => Assert.Equal(expected, a / b);

    [Fact]
    public void Throws_on_null() => throw new System.InvalidOperationException("boom");
}
EOF
dotnet test --logger "trx;LogFileName=results.trx" --results-directory results > /dev/null 2>&1 || true
cp results/results.trx "$FIXTURES/trx/results.trx"

echo "fixtures regenerated in $FIXTURES" >&2
