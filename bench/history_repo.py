#!/usr/bin/env python3
"""Make a git repository holding a generated portfolio with a history, for
planfolio's history benchmark (bench/history_bench.py) and by hand.

    python3 bench/history_repo.py OUT --plans N [--stages S] [--edits E]
                                  [--prefix Plans] [--seed 16] [--today 2026-11-24]

OUT becomes a git repository (made with `git fast-import`, so thousands of
commits take seconds) whose folder PREFIX holds the portfolio
bench/gencorpus.py writes for N plans (2N documents):

- the documents are committed in S stages (assessments first, then
  investigations, then plans, in path order), one day apart from
  2026-01-05;
- then E small commits each edit one document, spread evenly from
  2026-02-01 to the day before --today: a plan's governed section
  (Remediation Goals, Proposed Intervention(s), Validation Strategy or
  Rollback Plan), a plan's other prose (Problem Summary, Communication
  Plan), an assessment's metric value, or an investigation's prose.

Authors, committers and dates are fixed (a list of names, one commit a
fixed step apart), so the same arguments give the same commit ids. The
working tree is checked out at the last commit, clean. Prints one line:
the number of commits and documents.

Python 3.9 or later, standard library only; needs `git` on the PATH.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
AUTHORS = [("Dana Ortiz", "dana@example.org"), ("Kofi Mbeki", "kofi@example.org"),
           ("Leila Rahman", "leila@example.org"), ("Soren Eriksen", "soren@example.org"),
           ("Wen Nakamura", "wen@example.org")]
STAGE_START = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc)
EDIT_START = dt.datetime(2026, 2, 1, 9, 0, tzinfo=dt.timezone.utc)


def edit_plan_governed(text: str, r: random.Random):
    """One edit inside a governed section, or None when the plan has no such text."""
    choices = [
        (r"(Overall AUC at least )(0\.\d+)", lambda m: m.group(1) + f"{min(0.99, float(m.group(2)) + 0.01):.2f}",
         "Raise the AUC goal"),
        (r"(\*\*Validation Period\*\*: )(\d+)( weeks)", lambda m: m.group(1) + str(int(m.group(2)) % 12 + 1) + m.group(3),
         "Change the validation period"),
        (r"Switch the scoring service (straight )?back", lambda m: "Switch the scoring service back" if m.group(1)
         else "Switch the scoring service straight back", "Reword the rollback procedure"),
        (r"(\*\*Estimated Duration\*\*: )(\d+)( weeks)", lambda m: m.group(1) + str(int(m.group(2)) % 10 + 2) + m.group(3),
         "Re-estimate an intervention"),
    ]
    r.shuffle(choices)
    for pattern, replace, message in choices:
        new, count = re.subn(pattern, replace, text, count=1)
        if count and new != text:
            return new, message
    return None


def edit_plan_other(text: str, r: random.Random):
    choices = [
        (r"(about )(\d+)( hours a week)", lambda m: m.group(1) + str(int(m.group(2)) % 40 + 1) + m.group(3),
         "Fix the hours in the problem summary"),
        (r"(Fortnightly|Weekly) update to the model risk committee",
         lambda m: ("Weekly" if m.group(1) == "Fortnightly" else "Fortnightly") + " update to the model risk committee",
         "Change the update rhythm"),
    ]
    r.shuffle(choices)
    for pattern, replace, message in choices:
        new, count = re.subn(pattern, replace, text, count=1)
        if count and new != text:
            return new, message
    return None


def edit_assessment(text: str, r: random.Random):
    values = list(re.finditer(r"(    value: )(\d+\.\d+)", text))
    if not values:
        return None
    match = r.choice(values)
    value = float(match.group(2))
    changed = max(0.0, round(value + r.choice([-0.02, -0.01, 0.01, 0.02]), 3))
    return text[:match.start(2)] + f"{changed}" + text[match.end(2):], "Update a measured value"


def edit_investigation(text: str, r: random.Random):
    new, count = re.subn(r"(over\n)(twelve|thirteen)( weeks)",
                         lambda m: m.group(1) + ("thirteen" if m.group(2) == "twelve" else "twelve") + m.group(3), text, count=1)
    return (new, "Correct the length of the drift window") if count and new != text else None


def stamp(when: dt.datetime) -> str:
    return f"{int(when.timestamp())} +0000"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="folder for the repository (must not exist)")
    parser.add_argument("--plans", type=int, default=100, help="plans N, as for gencorpus.py (2N documents)")
    parser.add_argument("--stages", type=int, default=10, help="commits the documents are first added in (default 10)")
    parser.add_argument("--edits", type=int, default=500, help="single-document edit commits after them (default 500)")
    parser.add_argument("--prefix", default="Plans", help="the portfolio's folder inside the repository (default Plans)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--today", default="2026-11-24")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if out.exists():
        parser.error(f"{out} exists")
    today = dt.date.fromisoformat(args.today)
    prefix = args.prefix.strip("/")

    with tempfile.TemporaryDirectory() as corpus:
        subprocess.run([sys.executable, str(HERE / "gencorpus.py"), corpus, "--plans", str(args.plans),
                        "--seed", str(args.seed), "--today", args.today], check=True, stdout=subprocess.DEVNULL)
        files = {}
        for kind in ("assessments", "investigations", "plans"):
            for path in sorted((Path(corpus) / kind).glob("*.md")):
                files[f"{kind}/{path.name}"] = path.read_text(encoding="utf-8")
    order = list(files)  # assessments, investigations, plans: references land before what refers to them

    r = random.Random(args.seed)
    stream: list[bytes] = []

    def data(text: str) -> None:
        raw = text.encode("utf-8")
        stream.append(f"data {len(raw)}\n".encode() + raw + b"\n")

    mark = 0

    def commit(when: dt.datetime, message: str, changes: list[tuple[str, str]]) -> None:
        nonlocal mark
        name, email = AUTHORS[mark % len(AUTHORS)]
        mark += 1
        stream.append(f"commit refs/heads/main\nmark :{mark}\nauthor {name} <{email}> {stamp(when)}\n"
                      f"committer {name} <{email}> {stamp(when)}\n".encode())
        data(message)
        if mark > 1:
            stream.append(f"from :{mark - 1}\n".encode())
        for path, text in changes:
            stream.append(f"M 100644 inline {prefix}/{path}\n".encode())
            data(text)

    stages = max(1, min(args.stages, len(order)))
    for stage in range(stages):
        part = order[stage * len(order) // stages:(stage + 1) * len(order) // stages]
        commit(STAGE_START + dt.timedelta(days=stage), f"Add documents, part {stage + 1} of {stages}",
               [(path, files[path]) for path in part])

    plans = [p for p in order if p.startswith("plans/")]
    assessments = [p for p in order if p.startswith("assessments/")]
    investigations = [p for p in order if p.startswith("investigations/")]
    end = dt.datetime.combine(today - dt.timedelta(days=1), dt.time(17, 0), tzinfo=dt.timezone.utc)
    step = (end - EDIT_START) / max(1, args.edits)
    made = 0
    attempt = 0
    while made < args.edits and attempt < args.edits * 20:
        attempt += 1
        roll = r.random()
        if roll < 0.3:
            path, edit = r.choice(plans), edit_plan_governed
        elif roll < 0.6:
            path, edit = r.choice(plans), edit_plan_other
        elif roll < 0.85:
            path, edit = r.choice(assessments), edit_assessment
        else:
            path, edit = r.choice(investigations), edit_investigation
        result = edit(files[path], r)
        if result is None:
            continue
        files[path], message = result
        commit(EDIT_START + step * made, f"{message} in {Path(path).stem}", [(path, files[path])])
        made += 1

    subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True)
    subprocess.run(["git", "-C", str(out), "fast-import", "--quiet"], input=b"".join(stream) + b"done\n", check=True)
    subprocess.run(["git", "-C", str(out), "checkout", "-q", "-f", "main"], check=True)
    print(f"{mark} commits, {len(files)} documents in {out}/{prefix}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
