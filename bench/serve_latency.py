#!/usr/bin/env python3
"""Live-preview latency and memory of `planfolio serve` (a benchmark, not a test).

    python3 bench/serve_latency.py --planfolio .build/release/planfolio
        [--plans 1000] [--edits 20] [--front-matter-edits 5] [--long 1000]
        [--workdir bench/.work/serve] [--gencorpus PATH] [--smoke]

On the corpus bench/run.py generates (N plans, N/2 investigations, N/2
assessments: 2N documents), it starts `planfolio serve --port 0` on a
private copy, connects a server-sent-events client for the middle plan's
page (as the reload script does), and times, for each edit, the file's
write to the `reload` event for that page:

  prose         a sentence appended to the plan (only its page changes)
  front matter  a word added to the plan's title (other pages show it)

Then it keeps editing the prose (--long edits in all) and reads the
server's resident memory (VmRSS) after 10, 100, ... edits, to show whether
a long session grows. Standard library only; Linux (/proc).
"""
from __future__ import annotations

import argparse
import os
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402  (corpus generation shared with bench/run.py)

REPO = bench.REPO


class EventStream:
    """A raw HTTP/1.1 client for one server-sent event stream."""

    def __init__(self, port: int, path: str):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode())
        self.raw = b""
        self.header_done = False
        self.chunks = b""
        self.text = ""

    def _decode(self):
        while True:
            end = self.raw.find(b"\r\n")
            if end < 0:
                return
            size = int(self.raw[:end].split(b";")[0] or b"0", 16)
            if len(self.raw) < end + 2 + size + 2:
                return
            self.text += self.raw[end + 2:end + 2 + size].decode()
            self.raw = self.raw[end + 2 + size + 2:]

    def next_event(self, timeout: float) -> tuple[str, str]:
        deadline = time.monotonic() + timeout
        while True:
            while "\n\n" in self.text:
                block, self.text = self.text.split("\n\n", 1)
                name, data, is_event = "message", "", False
                for line in block.split("\n"):
                    if line.startswith("event:"):
                        name, is_event = line[6:].strip(), True
                    elif line.startswith("data:"):
                        data, is_event = line[5:].strip(), True
                if is_event:
                    return name, data
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no event")
            ready, _, _ = select.select([self.sock], [], [], left)
            if not ready:
                continue
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("stream closed")
            self.raw += chunk
            if not self.header_done:
                split = self.raw.find(b"\r\n\r\n")
                if split < 0:
                    continue
                self.raw = self.raw[split + 4:]
                self.header_done = True
            self._decode()

    def wait_for(self, name: str, timeout: float = 120.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            event, data = self.next_event(deadline - time.monotonic())
            if event == name:
                return data


def http_get(port: int, path: str) -> str:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    return data.decode(errors="replace")


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return -1


class Serve:
    def __init__(self, binary: Path, rundir: Path, plans_input: Path):
        self.stderr_path = rundir / "serve.stderr"
        self.process = subprocess.Popen(
            [str(binary), "serve", "--port", "0", "--input", str(plans_input), "--output", str(rundir / "Output"),
             "--theme", str(REPO / "Theme"), "--today", bench.TODAY, "--no-history"],
            cwd=rundir, stdout=subprocess.PIPE, stderr=open(self.stderr_path, "w"), text=True)
        t0 = time.perf_counter()
        self.port = None
        for line in self.process.stdout:
            match = re.match(r"planfolio: serving http://127\.0\.0\.1:(\d+)/", line)
            if match:
                self.port = int(match.group(1))
                break
        if self.port is None:
            sys.exit("error: serve printed no address:\n" + bench.tail(self.stderr_path))
        self.startup = time.perf_counter() - t0
        # Keep draining standard output so the server never blocks on it.
        threading.Thread(target=lambda: [None for _ in self.process.stdout], daemon=True).start()

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=120)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--planfolio", help="planfolio binary (default .build/release/planfolio, else debug)")
    ap.add_argument("--plans", type=int, default=1000, help="plans N: 2N documents (default 1000)")
    ap.add_argument("--edits", type=int, default=20, help="timed prose edits (default 20)")
    ap.add_argument("--front-matter-edits", type=int, default=5, help="timed title edits (default 5)")
    ap.add_argument("--long", type=int, default=1000, help="prose edits in the memory run (default 1000; 0: none)")
    ap.add_argument("--workdir", default=str(REPO / "bench" / ".work" / "serve"), help="corpus cache and the served copy")
    ap.add_argument("--gencorpus", help="path to gencorpus.py (as bench/run.py finds it by default)")
    ap.add_argument("--smoke", action="store_true", help="N=50, 3 edits of each kind, 20 for memory: proves it runs")
    a = ap.parse_args()
    if a.smoke:
        a.plans, a.edits, a.front_matter_edits, a.long = 50, 3, 2, 20

    binary = Path(a.planfolio).resolve() if a.planfolio else bench.default_planfolio()
    if binary is None or not binary.exists():
        sys.exit("error: no planfolio binary; build one (swift build -c release) or pass --planfolio")
    workdir = Path(a.workdir)
    corpus = bench.ensure_corpus(workdir, a.plans, bench.find_gencorpus(a.gencorpus))
    rundir = workdir / f"serve-{a.plans}"
    bench.rmtree(rundir)
    rundir.mkdir(parents=True)
    plans_input = rundir / "Plans"
    shutil.copytree(corpus / "portfolio", plans_input)
    plans = sorted((plans_input / "plans").glob("*.md"))
    edit_file = plans[len(plans) // 2]
    plan_id = re.search(r"^id:\s*(\S+)", edit_file.read_text(encoding="utf-8"), re.M).group(1)
    page = f"/plans/{plan_id}.html"
    documents = len(list(plans_input.rglob("*.md")))

    serve = Serve(binary, rundir, plans_input)
    try:
        generation = re.search(r'data-generation="(\d+)"', http_get(serve.port, page)).group(1)
        events = EventStream(serve.port, f"/__planfolio/events?page={page}&since={generation}")
        events.wait_for("hello")

        def timed_edit(change) -> float:
            text = edit_file.read_text(encoding="utf-8")
            t0 = time.perf_counter()
            edit_file.write_text(change(text), encoding="utf-8")
            events.wait_for("reload")
            return time.perf_counter() - t0

        counter = [0]

        def prose(text: str) -> str:
            counter[0] += 1
            return text + f"\nPreview edit {counter[0]}: one appended sentence.\n"

        def title(text: str) -> str:
            counter[0] += 1
            # Inside the quotes when the title is quoted.
            return re.sub(r'^(title:\s*"?)([^"\n]*)', lambda m: m.group(1) + m.group(2) + f" w{counter[0]}", text, count=1, flags=re.M)

        prose_times = [timed_edit(prose) for _ in range(a.edits)]
        title_times = [timed_edit(title) for _ in range(a.front_matter_edits)]

        memory = [(0, rss_kib(serve.process.pid))]
        checkpoints = {n for n in (10, 100, 250, 500, 1000, 2000, 5000) if n <= a.long} | ({a.long} if a.long else set())
        for n in range(1, a.long + 1):
            timed_edit(prose)
            if n in checkpoints:
                memory.append((n, rss_kib(serve.process.pid)))
        status = serve.stop()
    finally:
        # A failed run must not leave the server behind.
        if serve.process.poll() is None:
            serve.process.kill()

    def row(name: str, times: list[float]) -> str:
        ms = sorted(t * 1000 for t in times)
        if not ms:
            return f"| {name} | 0 | | | | |"
        p90 = ms[min(len(ms) - 1, int(round(0.9 * (len(ms) - 1))))]
        return f"| {name} | {len(ms)} | {ms[0]:.1f} | {statistics.median(ms):.1f} | {p90:.1f} | {ms[-1]:.1f} |"

    lines = [
        f"planfolio serve, {documents} documents (--plans {a.plans}), {binary}",
        f"first build and start: {serve.startup:.2f} s; edited {edit_file.name}; page {page}",
        "",
        "write -> reload event, ms:",
        "",
        "| edit | n | min | median | p90 | max |",
        "|---|---:|---:|---:|---:|---:|",
        row("prose (sentence appended)", prose_times),
        row("front matter (title word)", title_times),
        "",
        "resident memory of the server (VmRSS) after N prose edits:",
        "",
        "| edits | RSS MiB |",
        "|---:|---:|",
    ] + [f"| {n} | {kib / 1024:.1f} |" for n, kib in memory] + [
        "",
        f"serve exit status after SIGINT: {status}",
    ]
    print("\n".join(lines))
    if a.smoke:
        print("smoke: 1 passed, 0 failed" if status == 0 else "smoke: 0 passed, 1 failed")
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
