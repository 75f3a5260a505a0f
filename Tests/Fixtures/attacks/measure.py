"""Measures every attack case with a given planfolio binary, as the corpus
runner runs it: `check` then `build`, each with its exit (or signal), its
own peak RSS (GNU time) and wall time, killed after 60 s.

    python3 Tests/Fixtures/attacks/measure.py "$PWD/.build/debug/planfolio" Tests/Fixtures/attacks [ADDRESS_SPACE_BYTES] [FILTER]

ADDRESS_SPACE_BYTES (RLIMIT_AS, 0 for none) keeps an old binary that
expands an alias bomb from taking the machine: 4294967296 was used for
the numbers in docs/safety.md. FILTER keeps the cases whose name holds it.
"""
import json, os, shutil, socket, subprocess, sys, tempfile, time, resource
binary = sys.argv[1]
root = sys.argv[2]
limit_as = int(sys.argv[3]) if len(sys.argv) > 3 else 0
only = sys.argv[4] if len(sys.argv) > 4 else ""
control = {"expect.json", "generate.json", "make-fifo.json", "planfolio.yml"}
def prepare(src, work, inp):
    target = os.path.join(work, inp); os.makedirs(target)
    for name in os.listdir(src):
        if name in control: continue
        s = os.path.join(src, name)
        if os.path.islink(s): os.symlink(os.readlink(s), os.path.join(target, name))
        elif os.path.isdir(s): shutil.copytree(s, os.path.join(target, name), symlinks=True)
        else: shutil.copy(s, os.path.join(target, name))
    if os.path.exists(os.path.join(src, "planfolio.yml")): shutil.copy(os.path.join(src, "planfolio.yml"), work)
    g = os.path.join(src, "generate.json")
    if os.path.exists(g):
        spec = json.load(open(g)); f = os.path.join(target, spec["file"]); os.makedirs(os.path.dirname(f), exist_ok=True)
        open(f, "w").write(spec["prefix"] + spec["repeat"] * spec["times"] + spec["suffix"])
    m = os.path.join(src, "make-fifo.json")
    if os.path.exists(m):
        spec = json.load(open(m))
        for p in spec.get("fifos", []): f = os.path.join(target, p); os.makedirs(os.path.dirname(f), exist_ok=True); os.mkfifo(f)
        for p in spec.get("sockets", []):
            f = os.path.join(target, p); os.makedirs(os.path.dirname(f), exist_ok=True)
            s = socket.socket(socket.AF_UNIX); s.bind(f); s.close()
def run(args, cwd, deadline):
    """(end, peak RSS MiB, seconds) of one run, measured by GNU time (the
    program's own ru_maxrss, whatever this process's size)."""
    def pre():
        os.setpgrp()
        if limit_as: resource.setrlimit(resource.RLIMIT_AS, (limit_as, limit_as))
    report = os.path.join(cwd, ".time-report")
    start = time.monotonic()
    p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", report] + args, cwd=cwd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=pre)
    killed = False
    try:
        p.wait(timeout=deadline)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9); p.wait(); killed = True
    secs = time.monotonic() - start
    lines = open(report).read().split("\n") if os.path.exists(report) else []
    signal = [l for l in lines if l.startswith("Command terminated by signal")]
    end = ("SIG" + signal[0].split()[-1]) if signal else ("SIG9" if killed else str(p.returncode))
    kilobytes = [l for l in lines if l.strip().isdigit()]
    return end + ("(killed)" if killed else ""), (int(kilobytes[-1]) / 1024 if kilobytes else float("nan")), secs
rows = []
for cls in sorted(os.listdir(root)):
    if not os.path.isdir(os.path.join(root, cls)): continue
    for name in sorted(os.listdir(os.path.join(root, cls))):
        if not os.path.exists(os.path.join(root, cls, name, "expect.json")): continue
        if only and only not in f"{cls}/{name}": continue
        src = os.path.join(root, cls, name)
        e = json.load(open(os.path.join(src, "expect.json")))
        inp = e.get("input", "Plans")
        work = tempfile.mkdtemp(prefix="pf-measure-")
        try:
            prepare(src, work, inp)
            common = ["--input", inp, "--today", "2026-12-01", "--diagnostics", "json"]
            c = run([binary, "check"] + common, work, 60)
            b = run([binary, "build", "--output", "Output"] + common, work, 60)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(f"{cls}/{name:32} check {c[0]:>10} {c[1]:7.1f} MiB {c[2]:6.2f} s | build {b[0]:>10} {b[1]:7.1f} MiB {b[2]:6.2f} s", flush=True)
