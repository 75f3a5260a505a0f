#!/usr/bin/env python3
"""Benchmark planfolio against Hugo and a cmark-gfm floor.

    python3 bench/run.py [--sizes 1000,10000] [--runs 3] [--planfolio PATH]
                         [--skip-hugo] [--skip-cmark] [--out bench/results.md]
                         [--workdir bench/.work] [--smoke]

For each corpus size N (N plans, N/2 investigations, N/2 assessments, made by
bench/gencorpus.py and cached in the workdir) this times, several times each and
interleaved run by run:

  hugo          full Hugo build of the same documents, fresh output dir
  cmark-gfm     every document body rendered by ONE cmark-gfm process (floor)
  planfolio     full build from scratch (output dir and its session deleted first,
                as on CI's fresh clone)
  pf-nochange   rebuild on the same output with nothing changed
  pf-edit1      rebuild after appending a sentence to one plan
  pf-editfm     rebuild after changing one plan's title in its front matter

Each command is started with posix_spawn and reaped with os.wait4, so the
rusage (user+sys CPU, ru_maxrss) is that child's alone. Python 3.11, standard
library only. See bench/README.md.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-24"
CMARK_EXTS = ["table", "strikethrough", "autolink", "tagfilter"]
INSTALL_HINT = "apt-get install -y hugo cmark-gfm"


# --------------------------------------------------------------------------
# measuring one child process

@dataclasses.dataclass
class Sample:
    wall: float      # seconds
    user: float      # seconds
    sys: float       # seconds
    maxrss: int      # KiB (Linux ru_maxrss unit)
    rc: int

    @property
    def cpu(self) -> float:
        return self.user + self.sys


class ToolFailed(Exception):
    pass


def spawn_measured(argv: list[str], *, stdin: str | None = None,
                   stdout: str = os.devnull, stderr: str = os.devnull) -> Sample:
    """Run argv as a fresh child; return wall time and the child's own rusage."""
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, stdin or os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        (os.POSIX_SPAWN_OPEN, 2, stderr, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    ]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    return Sample(wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss,
                  os.waitstatus_to_exitcode(status))


def tail(path: str | Path, lines: int = 30) -> str:
    try:
        text = Path(path).read_text(errors="replace")
    except OSError:
        return "(no output captured)"
    return "\n".join(text.rstrip("\n").splitlines()[-lines:]) or "(empty)"


def check_rc(name: str, argv: list[str], s: Sample, stderr_path: str, stdout_path: str | None = None):
    if s.rc != 0:
        msg = [f"{name} FAILED (exit {s.rc}): {' '.join(argv[:6])}{' ...' if len(argv) > 6 else ''}",
               f"--- stderr tail ({stderr_path}) ---", tail(stderr_path)]
        if stdout_path and stdout_path != os.devnull:
            msg += [f"--- stdout tail ({stdout_path}) ---", tail(stdout_path, 10)]
        raise ToolFailed("\n".join(msg))


def rmtree(p: Path):
    if p.is_symlink() or p.is_file():
        p.unlink()
    elif p.exists():
        shutil.rmtree(p)


def count_html(root: Path) -> int:
    return sum(1 for _ in root.rglob("*.html"))


# --------------------------------------------------------------------------
# corpus

def find_gencorpus(explicit: str | None) -> Path:
    path = Path(explicit) if explicit else REPO / "bench" / "gencorpus.py"
    if not path.is_file():
        sys.exit(f"error: corpus generator {path} not found")
    return path


def shown(path: Path) -> str:
    """A path inside the repository relative to it, so reports name no folder of this machine."""
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return path.name


def strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5:]
    return text


def ensure_corpus(workdir: Path, n: int, gencorpus: Path) -> Path:
    """Generate (once) the corpus for size n; returns its directory.

    Cached as WORKDIR/corpus-N-HASH where HASH covers gencorpus.py, so an
    edited generator never reuses a stale corpus. A .complete stamp marks a
    finished generation.
    """
    h = hashlib.sha256(gencorpus.read_bytes()).hexdigest()[:10]
    d = workdir / f"corpus-{n}-{h}"
    if (d / ".complete").exists():
        print(f"[corpus] N={n}: cached at {shown(d)}")
        return d
    rmtree(d)
    d.mkdir(parents=True)
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, str(gencorpus), str(d / "portfolio"),
                        "--plans", str(n), "--hugo", str(d / "hugo"), "--today", TODAY],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"error: gencorpus.py failed (exit {r.returncode}):\n{r.stderr[-3000:]}")
    # cmark floor input: every document body (front matter stripped), one stream.
    files = sorted((d / "portfolio").rglob("*.md"))
    with open(d / "bodies.md", "w", encoding="utf-8") as f:
        for p in files:
            f.write(strip_front_matter(p.read_text(encoding="utf-8")))
            f.write("\n\n")
    (d / "ndocs").write_text(str(len(files)))
    (d / ".complete").write_text(r.stdout)
    print(f"[corpus] N={n}: generated in {time.perf_counter() - t0:.1f}s: {r.stdout.strip()} -> {shown(d)}")
    return d


# --------------------------------------------------------------------------
# the tools

def run_hugo(corpus: Path, rundir: Path, n: int, run: int) -> tuple[Sample, str]:
    out = rundir / "hugo-out"
    rmtree(out)
    # Hugo leaves a .hugo_build.lock in the site dir; harmless, same every run.
    argv = ["hugo", "--quiet", "-s", str(corpus / "hugo"), "-d", str(out)]
    err, so = str(rundir / "hugo.stderr"), str(rundir / "hugo.stdout")
    s = spawn_measured(argv, stdout=so, stderr=err)
    check_rc("hugo", argv, s, err, so)
    pages = count_html(out)
    ndocs = int((corpus / "ndocs").read_text())
    expected = ndocs + 4  # every document + 3 section lists + home
    if pages < ndocs or pages > expected + 2:
        raise ToolFailed(f"hugo wrote {pages} .html files for {ndocs} documents "
                         f"(expected about {expected}); check {out}")
    if run == 0:
        # one content page must show rendered GFM (a table), not raw Markdown
        some = next(iter(sorted((out / "plans").glob("*/index.html"))), None)
        if some is None or "<table>" not in some.read_text(errors="replace"):
            raise ToolFailed(f"hugo output has no rendered plan page with a <table> (looked at {some})")
    return s, f"{pages} html"


def run_cmark(corpus: Path, rundir: Path, n: int, run: int) -> tuple[Sample, str]:
    out = rundir / "cmark-out.html"
    argv = ["cmark-gfm"] + [a for e in CMARK_EXTS for a in ("-e", e)]
    err = str(rundir / "cmark.stderr")
    s = spawn_measured(argv, stdin=str(corpus / "bodies.md"), stdout=str(out), stderr=err)
    check_rc("cmark-gfm", argv, s, err)
    ndocs = int((corpus / "ndocs").read_text())
    if run == 0:
        html = out.read_text(errors="replace")
        h1, tables = html.count("<h1>"), html.count("<table>")
        if h1 != ndocs or tables < ndocs:
            raise ToolFailed(f"cmark-gfm output looks wrong: {h1} <h1> and {tables} <table> "
                             f"for {ndocs} documents ({out})")
    return s, f"{ndocs} docs, 1 proc"


class Planfolio:
    """Full build, no-change rebuild and one-edit rebuild, sharing an output dir."""

    def __init__(self, binary: Path, corpus: Path, rundir: Path, extra: list[str]):
        self.binary = binary
        self.rundir = rundir
        self.extra = extra
        # planfolio builds from a private copy so the one-plan edit never
        # touches the cached corpus.
        self.input = rundir / "pf-input"
        rmtree(self.input)
        shutil.copytree(corpus / "portfolio", self.input)
        self.output = rundir / "pf-out"
        plans = sorted((self.input / "plans").glob("*.md"))
        if not plans:
            raise ToolFailed(f"no plans in {self.input / 'plans'}")
        self.edit_file = plans[len(plans) // 2]

    def _build(self, name: str) -> Sample:
        # The generated corpus is no git portfolio (and may sit inside this repository, untracked):
        # no history, as Hugo reads none (bench/history_bench.py measures the history).
        argv = [str(self.binary), "build", "--input", str(self.input),
                "--output", str(self.output), "--today", TODAY, "--no-history"] + self.extra
        err, so = str(self.rundir / f"{name}.stderr"), str(self.rundir / f"{name}.stdout")
        s = spawn_measured(argv, stdout=so, stderr=err)
        check_rc(name, argv, s, err, so)
        if not (self.output / "index.html").is_file():
            raise ToolFailed(f"{name} exited 0 but wrote no {self.output / 'index.html'}\n"
                             f"--- stderr tail ---\n{tail(err)}")
        return s

    def full(self, corpus, rundir, n, run):
        rmtree(self.output)
        # The session planfolio keeps beside the output too: a build from scratch, as on a fresh clone.
        rmtree(self.output.parent / f".{self.output.name}.planfolio-cache")
        s = self._build("planfolio")
        return s, f"{count_html(self.output)} html"

    def nochange(self, corpus, rundir, n, run):
        return self._build("pf-nochange"), ""

    def edit1(self, corpus, rundir, n, run):
        f = self.edit_file
        original, st = f.read_bytes(), f.stat()
        try:
            with open(f, "ab") as fh:
                fh.write(f"\nBenchmark edit {run + 1}: one appended sentence.\n".encode())
            s = self._build("pf-edit1")
        finally:
            f.write_bytes(original)
            os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
        return s, f"edited {f.name}"

    def editfm(self, corpus, rundir, n, run):
        f = self.edit_file
        original, st = f.read_bytes(), f.stat()
        text = original.decode()
        if "\ntitle: " not in text:
            raise ToolFailed(f"{f} has no 'title:' line in its front matter")
        try:
            f.write_bytes(text.replace("\ntitle: ", f"\ntitle: Edited {run + 1} ", 1).encode())
            s = self._build("pf-editfm")
        finally:
            f.write_bytes(original)
            os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
        return s, f"retitled {f.name}"


# --------------------------------------------------------------------------
# reporting

@dataclasses.dataclass
class Row:
    tool: str
    n: int
    samples: list[Sample]
    note: str = ""

    @property
    def best(self) -> float:
        return min(s.wall for s in self.samples)

    @property
    def median(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu_pct(self) -> float:
        return 100.0 * sum(s.cpu for s in self.samples) / sum(s.wall for s in self.samples)

    @property
    def rss_mib(self) -> float:
        return max(s.maxrss for s in self.samples) / 1024.0


def fmt_ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:.2f}x"


def version_of(argv: list[str]) -> str:
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=20)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except Exception as e:  # noqa: BLE001 - informational only
        return f"unknown ({e.__class__.__name__})"


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def render(rows: list[Row], sizes: list[int], runs: int, versions: dict[str, str],
           notes: list[str]) -> str:
    by = {(r.tool, r.n): r for r in rows}

    def best(tool, n):
        r = by.get((tool, n))
        return r.best if r else None

    L = []
    L.append("# planfolio benchmark results\n")
    L.append(f"- date: {datetime.datetime.now().isoformat(timespec='seconds')}")
    L.append(f"- machine: {os.cpu_count()} CPUs ({cpu_model()}), {platform.system()} {platform.release()}")
    for k, v in versions.items():
        L.append(f"- {k}: {v}")
    L.append(f"- sizes: {', '.join(map(str, sizes))} plans (documents = 2 x plans); runs per tool: {runs}")
    L.append(f"- command: `python3 bench/run.py {' '.join(sys.argv[1:])}`")
    for nline in notes:
        L.append(f"- note: {nline}")
    L.append("")
    L.append("| tool | N | runs | best wall s | median wall s | CPU % | peak RSS MiB | output |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        L.append(f"| {r.tool} | {r.n} | {len(r.samples)} | {r.best:.3f} | {r.median:.3f} | "
                 f"{r.cpu_pct:.0f} | {r.rss_mib:.1f} | {r.note} |")
    L.append("")
    L.append("CPU % = (user+sys) / wall over all runs (100 = one core busy). "
             "Peak RSS = max ru_maxrss of the child over all runs.\n")

    L.append("## Ratios (best wall / best wall, same script run)\n")
    L.append("| N | planfolio / hugo | planfolio / cmark floor | hugo / cmark floor | "
             "no-change / full | edit-1 / full | front-matter edit / full |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        pf = best("planfolio", n)
        L.append(f"| {n} | {fmt_ratio(pf, best('hugo', n))} | {fmt_ratio(pf, best('cmark-gfm', n))} | "
                 f"{fmt_ratio(best('hugo', n), best('cmark-gfm', n))} | "
                 f"{fmt_ratio(best('pf-nochange', n), pf)} | {fmt_ratio(best('pf-edit1', n), pf)} | "
                 f"{fmt_ratio(best('pf-editfm', n), pf)} |")
    L.append("")
    if len(sizes) > 1:
        L.append("## Scaling (best wall at the larger N / best wall at the smaller N)\n")
        L.append("| tool | sizes | size ratio | time ratio |")
        L.append("|---|---|---:|---:|")
        tools = list(dict.fromkeys(r.tool for r in rows))
        for t in tools:
            for a, b in zip(sizes, sizes[1:]):
                L.append(f"| {t} | {b} / {a} | {b / a:.1f}x | {fmt_ratio(best(t, b), best(t, a))} |")
        L.append("")
    L.append("## Targets (issues 9 and 17)\n")
    L.extend(f"- {line}" for line in targets(rows, sizes))
    L.append("")
    L.append("## Raw wall times (s)\n")
    for r in rows:
        L.append(f"- {r.tool} N={r.n}: " + ", ".join(f"{s.wall:.3f}" for s in r.samples))
    L.append("")
    return "\n".join(L)


def targets(rows: list[Row], sizes: list[int]) -> list[str]:
    """PASS/FAIL/SKIP lines for issue 9's targets, from best walls of this run."""
    by = {(r.tool, r.n): r for r in rows}

    def best(tool, n):
        r = by.get((tool, n))
        return r.best if r else None

    out = []

    def check(name, value, limit, unit="x", strict=False):
        if value is None:
            out.append(f"SKIP {name}: not measured")
            return
        ok = value < limit if strict else value <= limit
        shown = f"{value * 100:.1f}%" if unit == "%" else (f"{value:.0f} MiB" if unit == "MiB" else f"{value:.2f}x")
        bound = f"{limit * 100:.0f}%" if unit == "%" else (f"{limit:.0f} MiB" if unit == "MiB" else f"{limit:g}x")
        out.append(f"{'PASS' if ok else 'FAIL'} {name}: {shown} ({'<' if strict else '<='} {bound})")

    def ratio(a, b):
        return None if a is None or b is None or b == 0 else a / b

    for n in sizes:
        pf = best("planfolio", n)
        check(f"N={n} full build / hugo best", ratio(pf, best("hugo", n)), 0.5)
        check(f"N={n} full build / cmark-gfm floor", ratio(pf, best("cmark-gfm", n)), 3.0)
        check(f"N={n} no-change rebuild / full build", ratio(best("pf-nochange", n), pf), 0.05, "%", strict=True)
        check(f"N={n} one-edit rebuild / full build", ratio(best("pf-edit1", n), pf), 0.10, "%", strict=True)
        check(f"N={n} front-matter edit / full build", ratio(best("pf-editfm", n), pf), 0.25, "%", strict=True)
        rss = [by[(t, n)].rss_mib for t in ("planfolio", "pf-nochange", "pf-edit1", "pf-editfm") if (t, n) in by]
        check(f"N={n} planfolio peak memory", max(rss) if rss else None, 1024.0, "MiB", strict=True)
    if 1000 in sizes and 10000 in sizes:
        check("scaling N=10000 / N=1000", ratio(best("planfolio", 10000), best("planfolio", 1000)), 10.5)
    return out


# --------------------------------------------------------------------------

def default_planfolio() -> Path | None:
    for c in (REPO / ".build" / "release" / "planfolio", REPO / ".build" / "debug" / "planfolio"):
        if c.is_file() and os.access(c, os.X_OK):
            return c
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated plan counts (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool and size (default 3)")
    ap.add_argument("--planfolio", help="path to a built planfolio binary (release build recommended)")
    ap.add_argument("--planfolio-arg", action="append", default=[], metavar="ARG",
                    help="extra argument appended to every planfolio build (repeatable)")
    ap.add_argument("--skip-hugo", action="store_true")
    ap.add_argument("--skip-cmark", action="store_true")
    ap.add_argument("--out", help="markdown results file (default bench/results.md; "
                                  "WORKDIR/smoke-results.md with --smoke)")
    ap.add_argument("--workdir", default=str(REPO / "bench" / ".work"),
                    help="corpus cache and build outputs (default bench/.work, ignored by git)")
    ap.add_argument("--gencorpus", help="another corpus generator with gencorpus.py's command line "
                                        "(default bench/gencorpus.py)")
    ap.add_argument("--smoke", action="store_true",
                    help="CI check: N=50, 1 run, planfolio (+cmark if present), no hugo; "
                         "fails unless every build exits 0 and writes index.html")
    a = ap.parse_args()

    if a.smoke:
        sizes, runs = [50], 1
        a.skip_hugo = True
        if not shutil.which("cmark-gfm"):
            a.skip_cmark = True
    else:
        try:
            sizes = sorted({int(x) for x in a.sizes.split(",") if x.strip()})
        except ValueError:
            ap.error(f"--sizes must be comma-separated integers, got {a.sizes!r}")
        runs = a.runs
        if runs < 1 or not sizes or min(sizes) < 2:
            ap.error("need --runs >= 1 and every size >= 2")
    workdir = Path(a.workdir).resolve()
    out = Path(a.out) if a.out else (workdir / "smoke-results.md" if a.smoke else REPO / "bench" / "results.md")

    notes: list[str] = []
    missing = []
    if not a.skip_hugo and not shutil.which("hugo"):
        missing.append("hugo")
    if not a.skip_cmark and not shutil.which("cmark-gfm"):
        missing.append("cmark-gfm")
    if missing:
        print(f"error: {', '.join(missing)} not found on PATH.\n"
              f"  install: {INSTALL_HINT}   (Debian/Ubuntu, as root)\n"
              f"  or skip: {' '.join('--skip-hugo' if m == 'hugo' else '--skip-cmark' for m in missing)}",
              file=sys.stderr)
        return 2

    pf_bin: Path | None = None
    if a.planfolio:
        p = Path(a.planfolio).resolve()
        if p.is_file() and os.access(p, os.X_OK):
            pf_bin = p
        else:
            print(f"warning: --planfolio {a.planfolio} is not an executable file; planfolio skipped",
                  file=sys.stderr)
            notes.append(f"planfolio skipped: {a.planfolio} not found")
    elif a.smoke:
        pf_bin = default_planfolio()
    else:
        print("note: --planfolio not given; timing only hugo/cmark-gfm", file=sys.stderr)
        notes.append("planfolio not measured (--planfolio not given)")
    if a.smoke and pf_bin is None:
        print("error: --smoke needs a planfolio binary: pass --planfolio PATH "
              "(e.g. .build/release/planfolio after `swift build -c release`)", file=sys.stderr)
        return 2
    if pf_bin and "/debug/" in str(pf_bin) and not a.smoke:
        notes.append("planfolio binary is a DEBUG build; times are not representative")

    gencorpus = find_gencorpus(a.gencorpus)
    workdir.mkdir(parents=True, exist_ok=True)

    versions = {}
    if not a.skip_hugo:
        versions["hugo"] = version_of(["hugo", "version"])
    if not a.skip_cmark:
        versions["cmark-gfm"] = version_of(["cmark-gfm", "--version"])
    if pf_bin:
        versions["planfolio"] = shown(pf_bin)
    versions["python"] = platform.python_version()

    rows: list[Row] = []
    checks = 0
    try:
        for n in sizes:
            corpus = ensure_corpus(workdir, n, gencorpus)
            rundir = workdir / f"run-{n}"
            rundir.mkdir(parents=True, exist_ok=True)
            tools = []
            if not a.skip_hugo:
                tools.append(("hugo", run_hugo))
            if not a.skip_cmark:
                tools.append(("cmark-gfm", run_cmark))
            if pf_bin:
                pf = Planfolio(pf_bin, corpus, rundir, a.planfolio_arg)
                tools += [("planfolio", pf.full), ("pf-nochange", pf.nochange), ("pf-edit1", pf.edit1),
                          ("pf-editfm", pf.editfm)]
            cur = {name: Row(name, n, []) for name, _ in tools}
            # interleave tools within each run so slow drift (thermal, page
            # cache, noisy neighbours) hits every tool alike
            for run in range(runs):
                for name, fn in tools:
                    s, note = fn(corpus, rundir, n, run)
                    checks += 1
                    cur[name].samples.append(s)
                    if note:
                        cur[name].note = note
                    print(f"  N={n:<6} run {run + 1}/{runs}  {name:<12} wall {s.wall:8.3f}s  "
                          f"cpu {s.cpu:8.3f}s  rss {s.maxrss / 1024:7.1f} MiB", flush=True)
            rows += cur.values()
    except ToolFailed as e:
        print(f"\nerror: {e}", file=sys.stderr)
        if a.smoke:
            print(f"smoke: {checks} passed, 1 failed")
        return 1

    if not rows:
        print("nothing measured (every tool skipped)", file=sys.stderr)
        return 2
    report = render(rows, sizes, runs, versions, notes)
    print()
    print(report)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(f"wrote {out}")
    if a.smoke:
        print(f"smoke: {checks} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
