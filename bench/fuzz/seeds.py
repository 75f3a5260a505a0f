#!/usr/bin/env python3
"""Writes the fuzzer's seed corpus: the sample portfolio in Plans/ and every
case of the attack corpus (Tests/Fixtures/attacks), in the fuzz target's
framing (a line `@@@ PATH` starts the file PATH; see FuzzPortfolio.swift).

Usage: bench/fuzz/seeds.py OUT [--max-len BYTES]

Seeds: each file of Plans/ alone; each plan with the documents it names;
each folder of Plans/ whole; the whole portfolio, with and without a
config that sets a baseURL (feed and sitemap); each attack case whole
(a generate.json input written as far as --max-len allows). Standard
library only; the same repository gives the same files.
"""
import argparse
import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "Plans"
ATTACKS = ROOT / "Tests" / "Fixtures" / "attacks"
CONTROL = {"expect.json", "generate.json", "make-fifo.json"}
CONFIG = b"title: Fuzz portfolio\nbaseURL: https://portfolio.example/fairness/\ndueSoonDays: 30\nrequiredRoles:\n  - Model Owner\n  - Fairness Lead\n"


def frame(files):
    """(path, bytes) pairs as one fuzz input."""
    out = bytearray()
    for path, data in files:
        out += b"@@@ " + path.encode() + b"\n" + data
        if not data.endswith(b"\n"):
            out += b"\n"
    return bytes(out)


def portfolio_files(folder):
    return sorted((p.relative_to(folder).as_posix(), p.read_bytes())
                  for p in folder.rglob("*") if p.is_file() and p.name != "README.md")


def attack_case(folder, max_len):
    files = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name in CONTROL:
            continue
        files.append((path.relative_to(folder).as_posix(), path.read_bytes()))
    generate = folder / "generate.json"
    if generate.exists():
        spec = json.loads(generate.read_text())
        prefix, unit, suffix = (spec[k].encode() for k in ("prefix", "repeat", "suffix"))
        room = max(0, (max_len - len(prefix) - len(suffix) - 4096) // max(1, len(unit)))
        body = prefix + unit * min(spec["times"], room) + suffix
        files = [f for f in files if f[0] != spec["file"]] + [(spec["file"], body)]
    return files


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--max-len", type=int, default=131072)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    seeds = {}

    def add(name, files):
        data = frame(files)[: args.max_len]
        seeds[f"{name}-{hashlib.sha1(data).hexdigest()[:12]}"] = data

    whole = portfolio_files(PLANS)
    by_path = dict(whole)
    for path, data in whole:
        add("plans-" + path.replace("/", "_"), [(path, data)])
    ids = {Path(p).stem: p for p in by_path if p.endswith(".md")}
    for path, data in whole:
        if path.startswith("plans/"):
            named = sorted({ids[i] for i in re.findall(rb"\b(?:FAF|DIR|RP)-[0-9]{4}(?:-[0-9]{2})?-[0-9]{3}\b", data)
                            for i in [i.decode()] if i in ids})
            add("chain-" + Path(path).stem, [(p, by_path[p]) for p in sorted(set(named) | {path})])
    for top in sorted({p.split("/")[0] for p, _ in whole}):
        add("folder-" + top, [(p, d) for p, d in whole if p.split("/")[0] == top])
    add("portfolio", whole)
    add("portfolio-config", [("planfolio.yml", CONFIG)] + whole)
    if ATTACKS.is_dir():
        for case in sorted(p.parent for p in ATTACKS.glob("*/*/expect.json")):
            add("attack-" + case.parent.name + "-" + case.name, attack_case(case, args.max_len))
    for name, data in sorted(seeds.items()):
        (args.out / name).write_bytes(data)
    print(f"{len(seeds)} seeds in {args.out}")


if __name__ == "__main__":
    main()
