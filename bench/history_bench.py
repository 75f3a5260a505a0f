#!/usr/bin/env python3
"""What the git history costs planfolio (issue 18, docs/history.md).

    python3 bench/history_bench.py --planfolio .build/release/planfolio [--plans 1000] [--edits 500]
                                   [--stages 10] [--runs 3] [--workdir bench/.work] [--out FILE] [--smoke]
                                   [--skip-libgit2]

Makes (once, cached in WORKDIR) a repository with bench/history_repo.py:
the portfolio of bench/gencorpus.py for N plans (2N documents) committed in
S stages, then E single-document commits. Then times, best of --runs
interleaved runs, each command a child reaped with os.wait4 (wall, and the
child's user+system CPU):

| row | what |
|---|---|
| `git log` | the one `git log` planfolio reads the folder's history with when it has merges (a path limit), alone |
| `git log, no merges` | the form planfolio reads a history without merges with (`--relative`, no path limit), alone |
| `history step` | planfolio's own history step in a full build (`PLANFOLIO_TIMINGS=1`: the log, the tree, hashing the working files, the plans' sections, the portfolio at the `since` point) |
| `full, history` / `full, --no-history` | a full build from nothing (`rm -rf OUT`, `--no-cache`) with and without the history |
| `no change, history` / `no change, --no-history` | the same build again, nothing changed |
| `one commit` | a governed edit of one plan committed, then the build again (HEAD moved) |
| `libgit2 walk` | bench/history_libgit2.c (libgit2's revwalk, tree diffs and rename detection) doing the `git log`'s work, when libgit2-dev is installed |

Targets: the history adds under 25% to a full build, and nothing
measurable to a build with nothing changed. The report goes to stdout and
to --out (default bench/history-results.md). --smoke: N=50, E=20, 1 run.
Python 3.9+, standard library only; needs git (and cc + libgit2-dev for the libgit2 row).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-24"
LOG_FORMAT = "--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%s"


def run(argv: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, float, str]:
    """(wall seconds, child CPU seconds, stderr) of one command, which must exit 0."""
    err_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"history-bench-{os.getpid()}.err"
    with open(os.devnull, "wb") as devnull, open(err_path, "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=devnull, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    stderr = err_path.read_text(errors="replace")
    err_path.unlink()
    if process.returncode != 0:
        sys.exit(f"history_bench: {' '.join(argv)} exited {process.returncode}:\n{stderr[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, stderr


def make_repository(workdir: Path, plans: int, stages: int, edits: int) -> Path:
    generator = (HERE / "history_repo.py").read_bytes() + (HERE / "gencorpus.py").read_bytes()
    key = hashlib.sha256(generator + f"{plans} {stages} {edits}".encode()).hexdigest()[:12]
    repo = workdir / f"history-{plans}-{stages}-{edits}-{key}"
    if not (repo / ".git").exists():
        shutil.rmtree(repo, ignore_errors=True)
        subprocess.run([sys.executable, str(HERE / "history_repo.py"), str(repo), "--plans", str(plans), "--stages", str(stages),
                        "--edits", str(edits)], check=True)
    return repo


def libgit2_binary(workdir: Path) -> Path | None:
    if shutil.which("cc") is None or subprocess.run(["pkg-config", "--exists", "libgit2"]).returncode != 0:
        return None
    binary = workdir / "history_libgit2"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libgit2"], capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["cc", "-O2", "-o", str(binary), str(HERE / "history_libgit2.c"), *flags], check=True)
    return binary


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--planfolio", required=True, help="the planfolio binary (a release build for numbers)")
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--stages", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", default=str(HERE / ".work"))
    parser.add_argument("--out", default=str(HERE / "history-results.md"))
    parser.add_argument("--smoke", action="store_true", help="N=50, E=20, one run: only proves the script works")
    parser.add_argument("--skip-libgit2", action="store_true", help="leave out the libgit2 row (it takes ten times the git log's time)")
    args = parser.parse_args(argv)
    if args.smoke:
        args.plans, args.edits, args.runs = 50, 20, 1
    planfolio = str(Path(args.planfolio).resolve())
    workdir = Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    repo = make_repository(workdir, args.plans, args.stages, args.edits)
    # Each run builds from a clone of its own (the one-commit row commits in it).
    scratch = workdir / f"history-run-{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", str(repo), str(scratch / "repo")], check=True)
    clone = scratch / "repo"
    out = scratch / "Output"
    build = [planfolio, "build", "--input", "Plans", "--output", str(out), "--today", TODAY]
    env = dict(os.environ, PLANFOLIO_TIMINGS="1", GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.org",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.org")
    env.pop("SOURCE_DATE_EPOCH", None)
    commits = int(subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=clone, capture_output=True, text=True, check=True).stdout)
    libgit2 = None if args.skip_libgit2 else libgit2_binary(workdir)

    rows: dict[str, list[tuple[float, float]]] = {}

    def record(name: str, sample: tuple[float, float]) -> None:
        rows.setdefault(name, []).append(sample)

    plan_files = sorted((clone / "Plans" / "plans").glob("*.md"))
    target = plan_files[len(plan_files) // 2]
    for run_index in range(args.runs):
        wall, cpu, _ = run(["git", "log", "-z", "--raw", "-M", "--no-abbrev", "--diff-merges=first-parent", LOG_FORMAT, "HEAD", "--", "Plans"], cwd=clone)
        record("git log", (wall, cpu))
        # What planfolio runs on a history without merges, such as this one (docs/history.md).
        wall, cpu, _ = run(["git", "log", "-z", "--raw", "-M", "--no-abbrev", "--diff-merges=first-parent", LOG_FORMAT,
                            "--root", "--relative=Plans/", "HEAD"], cwd=clone)
        record("git log, no merges", (wall, cpu))
        if libgit2:
            record("libgit2 walk", run([str(libgit2), str(clone), "Plans"])[:2])
        # Without history first: the one-commit row continues the session the history builds keep.
        for history in (False, True):
            flags = [] if history else ["--no-history"]
            label = "history" if history else "--no-history"
            shutil.rmtree(out, ignore_errors=True)
            wall, cpu, stderr = run(build + flags + ["--no-cache"], cwd=clone, env=env)
            record(f"full, {label}", (wall, cpu))
            if history:
                match = re.search(r"timing: history ([0-9.]+) s", stderr)
                if match:
                    record("history step", (float(match.group(1)), float("nan")))
            run(build + flags, cwd=clone, env=env)  # keeps a session
            record(f"no change, {label}", run(build + flags, cwd=clone, env=env)[:2])
        # One governed edit committed: HEAD moves, one plan changes.
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace("## Remediation Goals\n", f"## Remediation Goals\n\nRevised in run {run_index + 1}.\n", 1), encoding="utf-8")
        date = f"2026-11-23T12:{run_index:02d}:00+00:00"
        subprocess.run(["git", "commit", "-q", "-am", f"Revise the goals ({run_index + 1})"], cwd=clone, check=True,
                       env=dict(env, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date))
        record("one commit", run(build, cwd=clone, env=env)[:2])
    shutil.rmtree(scratch, ignore_errors=True)

    def best(name: str) -> float:
        return min(wall for wall, _ in rows[name])

    documents = 2 * args.plans
    lines = [f"# History benchmark: {documents:,} documents, {commits:,} commits ({args.stages} stages + {args.edits} edits)", "",
             f"`python3 bench/history_bench.py --plans {args.plans} --edits {args.edits} --stages {args.stages} --runs {args.runs}`; "
             f"best of {args.runs} interleaved runs; CPU is the child's user+system time.", "",
             "| row | best wall (s) | median wall (s) | median CPU (s) |", "|---|---:|---:|---:|"]
    for name, samples in rows.items():
        walls = [wall for wall, _ in samples]
        cpus = [cpu for _, cpu in samples if cpu == cpu]
        lines.append(f"| {name} | {min(walls):.3f} | {statistics.median(walls):.3f} | "
                     f"{statistics.median(cpus):.3f} |" if cpus else f"| {name} | {min(walls):.3f} | {statistics.median(walls):.3f} | |")
    full_ratio = best("full, history") / best("full, --no-history")
    nochange = best("no change, history") - best("no change, --no-history")
    cpu_ratio = (statistics.median(cpu for _, cpu in rows["full, history"])
                 / statistics.median(cpu for _, cpu in rows["full, --no-history"]))
    lines += ["", f"- full build with history / without: {full_ratio:.2f} (target under 1.25): {'PASS' if full_ratio < 1.25 else 'FAIL'}",
              f"- the same in CPU time (median user+system; steadier on a shared machine): {cpu_ratio:.2f}",
              f"- no-change build, with history minus without: {nochange * 1000:+.0f} ms "
              f"({best('no change, history') * 1000:.0f} ms against {best('no change, --no-history') * 1000:.0f} ms)"]
    if "libgit2 walk" in rows:
        git_cpu = statistics.median(cpu for _, cpu in rows["git log"])
        lib_cpu = statistics.median(cpu for _, cpu in rows["libgit2 walk"])
        lines.append(f"- the folder's history: git log {git_cpu:.3f} s CPU, libgit2 {lib_cpu:.3f} s CPU ({lib_cpu / max(git_cpu, 1e-9):.1f}x)")
    report = "\n".join(lines) + "\n"
    print(report)
    Path(args.out).write_text(report)
    if args.smoke:
        print("smoke: history benchmark ran")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
