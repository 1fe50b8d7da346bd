#!/usr/bin/env bash
# Regenerates the real crash reports under tests/Nightshift.Tests/Fixtures/crashes (issue 9).
#
# Not run by CI: the fixtures are committed. Run by hand when a tool's output changes, review the
# diff, and update the exact figures in tests/Nightshift.Tests/CrashWatch/*Specs.cs.
#
#   bash tests/Nightshift.Tests/Fixtures/crashes/regenerate.sh
#
# Tools the committed fixtures came from: g++ 12.2 (Debian) with libasan, GNU gdb 13.1 (Debian),
# rustc/cargo 1.95.0, .NET SDK 10.0.401, CPython 3.11.7.
#
# Each program is a tiny "service" with a planted bug, built in /tmp/nightshift-fixtures/crashes
# so the paths the tools print are the same on every run. A "-shifted" twin is the same program
# with three comment lines added at the top of every source file, rebuilt: the same crash with
# other line numbers and addresses, for the signature tests.
#
# trinitycore-*.txt are NOT generated here: TrinityCore's crash handler (WheatyExceptionReport)
# only runs on Windows. They are written by hand to the exact layout of
# src/common/Debugging/WheatyExceptionReport.cpp (GenerateExceptionReport, WriteStackDetails):
# "Revision:", "Date d:m:y. Time h:m", hardware and OS blocks, "Exception code: %08X %s",
# "Fault address:  %016I64X %02X:%016I64X %s", registers, then "Call stack:" tables whose rows
# are "%016I64X  %016I64X  name+displacement  file line n", one table per thread (the crashing
# thread first), then the same again under "Local Variables And Parameters". Of those,
# trinitycore-azerothcore-lowercase.txt has the lower-cased source paths the handler prints on a
# case-insensitive build machine, and trinitycore-nosymbols*.txt have no symbols: each row is
# "%04X:%08X module" (section:offset) instead of a name; "-restart" is the same crash with the
# service loaded at another address, "-other" a crash at another offset (issue 18).
#
# server-assert-*.txt are NOT generated either: they copy the Linux assertion output of
# src/common/Debugging/Errors.cpp ("\n%s:%i in %s ASSERTION FAILED:\n  %s\n"), then the shell's
# "Segmentation fault". Reports from glibc, libstdc++ and gdb are made by the specs themselves
# (tests/Nightshift.Tests/CrashWatch/RealTools) with the g++ and gdb on the machine;
# glibc-assert-check.txt and cpp-terminate-runtime-error.txt are one such program's stderr, kept
# so that every format has a fixture here.
set -euo pipefail

FIXTURES="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK=/tmp/nightshift-fixtures/crashes
export LANG=C.UTF-8 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
unset RUST_BACKTRACE CARGO_TERM_COLOR

rm -rf "$WORK"
mkdir -p "$WORK"

# Adds three comment lines on top of every source file under $1 (the "-shifted" twins).
shift_lines() {
    find "$1" -type f \( -name '*.cpp' -o -name '*.h' \) | while read -r file; do
        { printf '// shifted\n// shifted\n// shifted\n'; cat "$file"; } > "$file.tmp" && mv "$file.tmp" "$file"
    done
}

# ---------------------------------------------------------------------------------------------
# C++: a map server. "uaf" reads a creature after the map deleted it (ASan heap-use-after-free),
# "despawn" dereferences the unset owner name inside ~Creature (SIGSEGV in libc's strlen under gdb,
# SEGV under ASan), "empty" divides by zero (SIGFPE), "thread" crashes on a worker thread inside a
# template (gdb names the thread, and std::thread's frames sit below the project's). gdb-core.txt
# is the "despawn" crash read back from a core file that gdb's gcore wrote at the crash.
mkdir -p "$WORK/cpp/src" && cd "$WORK/cpp"
cat > src/Creature.h <<'EOF_SRC'
#pragma once
#include <string>

class Map;

class Creature
{
public:
    Creature(const char* name, Map* map);
    ~Creature();

    void Update(unsigned int diff);
    const char* GetName() const { return m_name; }
    int GetHealth() const { return m_health; }

private:
    const char* m_name;
    Map* m_map;
    int m_health = 100;
    unsigned int m_timer = 0;
};
EOF_SRC
cat > src/Creature.cpp <<'EOF_SRC'
#include "Creature.h"
#include "Map.h"

#include <cstdio>
#include <cstring>

Creature::Creature(const char* name, Map* map) : m_name(name), m_map(map)
{
}

Creature::~Creature()
{
    // Log who owned the creature; the owner name is unset on an instanced map.
    std::size_t length = std::strlen(m_map->GetOwnerName());
    std::printf("creature %s removed (owner name %zu chars)\n", m_name, length);
}

void Creature::Update(unsigned int diff)
{
    m_timer += diff;
    if (m_timer > 1000)
        m_health -= 1;
}
EOF_SRC
cat > src/Map.h <<'EOF_SRC'
#pragma once
#include <vector>

class Creature;

class Map
{
public:
    void AddToMap(Creature* creature);
    void RemoveFromMap(Creature* creature, bool remove);
    void Update(unsigned int diff);
    int AverageHealth() const;
    const char* GetOwnerName() const { return m_ownerName; }
    void SetOwnerName(const char* name) { m_ownerName = name; }

private:
    std::vector<Creature*> m_creatures;
    const char* m_ownerName = nullptr;
};
EOF_SRC
cat > src/Map.cpp <<'EOF_SRC'
#include "Map.h"
#include "Creature.h"

#include <algorithm>

void Map::AddToMap(Creature* creature)
{
    m_creatures.push_back(creature);
}

void Map::RemoveFromMap(Creature* creature, bool remove)
{
    if (remove)
        delete creature;
    // Bug: the creature stays in the list after it is deleted.
}

void Map::Update(unsigned int diff)
{
    for (Creature* creature : m_creatures)
        creature->Update(diff);
}

int Map::AverageHealth() const
{
    int total = 0;
    for (Creature* creature : m_creatures)
        total += creature->GetHealth();
    return total / static_cast<int>(m_creatures.size());
}
EOF_SRC
cat > src/World.h <<'EOF_SRC'
#pragma once

class Map;

class World
{
public:
    explicit World(Map& map) : m_map(map) {}
    void RunUpdateThread(unsigned int diff);

private:
    Map& m_map;
};
EOF_SRC
cat > src/World.cpp <<'EOF_SRC'
#include "World.h"
#include "Creature.h"
#include "Map.h"

#include <thread>
#include <vector>

template <typename T>
static int SumHealth(const std::vector<T*>& items)
{
    int total = 0;
    for (T* item : items)
        total += item->GetHealth();
    return total;
}

void World::RunUpdateThread(unsigned int diff)
{
    std::thread worker([this, diff] {
        std::vector<Creature*> spawned(2);
        spawned[0] = new Creature("Murloc", &m_map);
        m_map.Update(diff);
        (void)SumHealth(spawned);
    });
    worker.join();
}
EOF_SRC
cat > src/main.cpp <<'EOF_SRC'
#include "Creature.h"
#include "Map.h"
#include "World.h"

#include <cstdio>
#include <cstring>

static void DespawnWave(Map& map)
{
    Creature* boar = new Creature("Boar", &map);
    map.AddToMap(boar);
    map.RemoveFromMap(boar, true);
}

int main(int argc, char** argv)
{
    const char* mode = argc > 1 ? argv[1] : "uaf";
    Map map;
    if (std::strcmp(mode, "uaf") == 0)
    {
        map.SetOwnerName("Stormwind");
        Creature* wolf = new Creature("Wolf", &map);
        map.AddToMap(wolf);
        map.RemoveFromMap(wolf, true);
        map.Update(50);
    }
    else if (std::strcmp(mode, "despawn") == 0)
    {
        DespawnWave(map);
    }
    else if (std::strcmp(mode, "empty") == 0)
    {
        std::printf("average health %d\n", map.AverageHealth());
    }
    else if (std::strcmp(mode, "thread") == 0)
    {
        World world(map);
        world.RunUpdateThread(50);
    }
    return 0;
}
EOF_SRC
cp -r "$WORK/cpp" "$WORK/cpp-shifted" && shift_lines "$WORK/cpp-shifted/src"

for dir in "$WORK/cpp" "$WORK/cpp-shifted"; do
    cd "$dir"
    g++ -g -O0 -pthread -fsanitize=address -fno-omit-frame-pointer -o server-asan src/*.cpp
    g++ -g -O0 -pthread -o server src/*.cpp
done

cd "$WORK/cpp"
./server-asan uaf > "$FIXTURES/asan-use-after-free.txt" 2>&1 || true
./server-asan despawn > "$FIXTURES/asan-segv.txt" 2>&1 || true
gdb -batch -ex run -ex bt --args ./server despawn > "$FIXTURES/gdb-segv.txt" 2>&1
gdb -batch -ex run -ex bt --args ./server empty > "$FIXTURES/gdb-sigfpe.txt" 2>&1
gdb -batch -ex run -ex bt --args ./server thread > "$FIXTURES/gdb-thread.txt" 2>&1
# A core file's backtrace: gdb prints frame #0 once on loading the core, then the whole "bt".
gdb -batch -ex run -ex "gcore $WORK/cpp/core" --args ./server despawn > /dev/null 2>&1
gdb -batch -ex bt ./server core > "$FIXTURES/gdb-core.txt" 2>&1
cd "$WORK/cpp-shifted"
./server-asan uaf > "$FIXTURES/asan-use-after-free-shifted.txt" 2>&1 || true
gdb -batch -ex run -ex bt --args ./server despawn > "$FIXTURES/gdb-segv-shifted.txt" 2>&1

# ---------------------------------------------------------------------------------------------
# Rust: a relay whose config has no "port" (unwrap on None) or a bad one (expect on Err).
mkdir -p "$WORK/rust/src" && cd "$WORK/rust"
cat > Cargo.toml <<'EOF_SRC'
[package]
name = "relay"
version = "0.1.0"
edition = "2021"

[dependencies]
EOF_SRC
cat > src/main.rs <<'EOF_SRC'
mod config;

use config::Config;

fn start(text: &str) -> u16 {
    let config = Config::parse(text);
    config.port()
}

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let port = start(&text);
    println!("listening on {port}");
}
EOF_SRC
cat > src/config.rs <<'EOF_SRC'
use std::collections::HashMap;

pub struct Config {
    values: HashMap<String, String>,
}

impl Config {
    pub fn parse(text: &str) -> Config {
        let values = text
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(key, value)| (key.trim().to_string(), value.trim().to_string()))
            .collect();
        Config { values }
    }

    pub fn port(&self) -> u16 {
        let raw = self.values.get("port").unwrap();
        raw.parse().expect("port must be a number")
    }
}
EOF_SRC
cargo build -q
./target/debug/relay "host=x" > "$FIXTURES/rust-panic.txt" 2>&1 || true
RUST_BACKTRACE=1 ./target/debug/relay "host=x" > "$FIXTURES/rust-panic-backtrace.txt" 2>&1 || true
RUST_BACKTRACE=full ./target/debug/relay "host=x" > "$FIXTURES/rust-panic-full.txt" 2>&1 || true
RUST_BACKTRACE=1 ./target/debug/relay "port=abc" > "$FIXTURES/rust-panic-expect.txt" 2>&1 || true

# ---------------------------------------------------------------------------------------------
# .NET: an inventory service. By default a missing key is rethrown as an InvalidOperationException
# with the KeyNotFoundException inside (inner exception, async frames); "audit" hits a null inside
# a Task.Run lambda of a generic class (compiler-generated names, "End of stack trace from
# previous location" separators).
mkdir -p "$WORK/dotnet/Inventory" && cd "$WORK/dotnet/Inventory"
cat > Inventory.csproj <<'EOF_SRC'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
</Project>
EOF_SRC
cat > Program.cs <<'EOF_SRC'
using Inventory;

var store = new StockStore();
if (args.Length > 0 && args[0] == "audit")
{
    var audit = new Audit<string>(["sku-1", null!]);
    Console.WriteLine(await audit.TotalLengthAsync());
    return;
}

var service = new RestockService(store);
await service.RestockAsync(args.Length > 0 ? args[0] : "sku-404", 5);
EOF_SRC
cat > StockStore.cs <<'EOF_SRC'
namespace Inventory;

public sealed class StockStore
{
    private readonly Dictionary<string, int> _levels = new() { ["sku-1"] = 3 };

    public async Task<int> LevelAsync(string sku)
    {
        await Task.Yield();
        return _levels[sku];
    }
}
EOF_SRC
cat > RestockService.cs <<'EOF_SRC'
namespace Inventory;

public sealed class RestockService(StockStore store)
{
    public async Task RestockAsync(string sku, int amount)
    {
        var level = await ReadLevelAsync(sku);
        Console.WriteLine($"{sku}: {level} -> {level + amount}");
    }

    private async Task<int> ReadLevelAsync(string sku)
    {
        try
        {
            return await store.LevelAsync(sku);
        }
        catch (KeyNotFoundException e)
        {
            throw new InvalidOperationException($"Cannot restock '{sku}': it is not in the store.", e);
        }
    }
}
EOF_SRC
cat > Audit.cs <<'EOF_SRC'
namespace Inventory;

public sealed class Audit<T>(IReadOnlyList<T> items) where T : class
{
    public async Task<int> TotalLengthAsync()
    {
        var lengths = await Task.Run(() => items.Select(item => item.ToString()!.Length).ToList());
        return lengths.Sum();
    }
}
EOF_SRC
dotnet build -c Debug -v q -nologo > /dev/null
dotnet bin/Debug/net10.0/Inventory.dll > "$FIXTURES/dotnet-inner-exception.txt" 2>&1 || true
dotnet bin/Debug/net10.0/Inventory.dll audit > "$FIXTURES/dotnet-async-null.txt" 2>&1 || true

# ---------------------------------------------------------------------------------------------
# Python: an unknown sku raised again "from" the KeyError (direct cause), and a handler that
# fails while handling it (during handling).
mkdir -p "$WORK/python" && cd "$WORK/python"
cat > orders.py <<'EOF_SRC'
import json
import sys

from pricing import price_for


def load_order(path):
    with open(path) as handle:
        return json.load(handle)


def total(order):
    return sum(price_for(line["sku"]) * line["qty"] for line in order["lines"])


def main(path):
    order = load_order(path)
    try:
        return total(order)
    except KeyError as missing:
        raise LookupError(f"order {order['id']} has an unknown sku") from missing


if __name__ == "__main__":
    print(main(sys.argv[1]))
EOF_SRC
cat > pricing.py <<'EOF_SRC'
PRICES = {"apple": 3, "pear": 4}


def price_for(sku):
    return PRICES[sku]
EOF_SRC
cat > report.py <<'EOF_SRC'
import sys

from pricing import price_for


def describe(sku):
    try:
        return f"{sku}: {price_for(sku)}"
    except KeyError:
        log = open("/nonexistent/report.log")
        log.write(f"unknown {sku}\n")


if __name__ == "__main__":
    print(describe(sys.argv[1]))
EOF_SRC
cat > order.json <<'EOF_SRC'
{"id": 7, "lines": [{"sku": "apple", "qty": 2}, {"sku": "kiwi", "qty": 1}]}
EOF_SRC
python3 orders.py order.json > "$FIXTURES/python-cause.txt" 2>&1 || true
python3 report.py kiwi > "$FIXTURES/python-during-handling.txt" 2>&1 || true
python3 -c 'import pricing; pricing.price_for("fig")' > "$FIXTURES/python-keyerror.txt" 2>&1 || true

echo "Fixtures regenerated in $FIXTURES"
