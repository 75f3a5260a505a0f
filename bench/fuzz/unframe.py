#!/usr/bin/env python3
"""Writes the files of one fuzz input (a finding, or any corpus file) into a
folder, as the fuzz target reads it (FuzzPortfolio.swift): `@@@ PATH` lines
start files, what comes before the first is plans/fuzz.md, planfolio.yml is
the config, hidden and empty path components, README.md and repeated paths
are left out, at most 16 files.

Usage: bench/fuzz/unframe.py INPUT OUT

OUT is laid out as a case of the attack corpus (Tests/Fixtures/attacks/
<class>/<case>/): the portfolio's files, with planfolio.yml among them (the
corpus runner puts it beside the input folder). To build it as CI would:

    mkdir -p /tmp/f/Plans && cp -R OUT/. /tmp/f/Plans/ && mv /tmp/f/Plans/planfolio.yml /tmp/f/ 2>/dev/null
    (cd /tmp/f && planfolio build --today 2026-12-01)
"""
import sys
from pathlib import Path

MARKER = b"@@@ "
MAX_FILES = 16


def sections(data):
    starts = []
    index = 0
    while index + len(MARKER) <= len(data):
        if (index == 0 or data[index - 1] == 0x0A) and data[index:index + len(MARKER)] == MARKER:
            starts.append(index)
        newline = data.find(b"\n", index)
        if newline < 0:
            break
        index = newline + 1
    out = []
    first_end = max(0, starts[0] - 1) if starts else len(data)
    if first_end > 0 or not starts:
        out.append((b"plans/fuzz.md", data[:first_end]))
    for number, start in enumerate(starts):
        line_end = data.find(b"\n", start)
        line_end = len(data) if line_end < 0 else line_end
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(data)
        path = data[start + len(MARKER):line_end]
        if path.endswith(b"\r"):
            path = path[:-1]
        out.append((path, data[line_end + 1:end] if line_end < end else b""))
    return out


def normalized(raw):
    if len(raw) > 200 or b"\0" in raw:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    parts = [p for p in text.split("/") if p]
    if not parts or any(p.startswith(".") for p in parts) or parts[-1].lower() == "readme.md":
        return None
    return "/".join(parts)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data = Path(sys.argv[1]).read_bytes()
    out = Path(sys.argv[2])
    seen = []
    for raw, content in sections(data):
        path = normalized(raw)
        if path is None or path in seen or len(seen) >= MAX_FILES:
            continue
        seen.append(path)
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    print("\n".join(seen))


if __name__ == "__main__":
    main()
