#!/usr/bin/env python3
"""Builds the sample portfolio as of 2026-11-25 and screenshots the pages
whose charts a person must check by eye: the dashboard, one plan page and
timeline.html.

    python3 Tests/browser/screenshot.py OUT_DIR [--plan RP-2026-009] [--binary PATH]

Needs Debian's `chromium` (apt-get install -y chromium). Writes
OUT_DIR/dashboard.png, OUT_DIR/plan-ID.png and OUT_DIR/timeline.png, and
prints their paths. Nothing here is a pass/fail test: look at the pictures.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TODAY = "2026-11-25"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="folder for the PNG files")
    parser.add_argument("--plan", default="RP-2026-009", help="plan id whose page to capture")
    parser.add_argument("--binary", default=None, help="planfolio binary (default: build .build/debug/planfolio)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2000)
    parser.add_argument("--plan-height", type=int, default=2000,
                        help="window height for the plan page (taller shows its timeline and approval panel)")
    args = parser.parse_args()

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("screenshot.py: chromium not found; apt-get install -y chromium", file=sys.stderr)
        return 2

    binary = args.binary
    if binary is None:
        subprocess.run(["swift", "build", "--product", "planfolio"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "debug", "planfolio")

    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="planfolio-shots-") as work:
        site = os.path.join(work, "site")
        subprocess.run([binary, "build", "--input", os.path.join(ROOT, "Plans"), "--output", site,
                        "--theme", os.path.join(ROOT, "Theme"), "--today", TODAY, "--no-history"], cwd=ROOT, check=True)
        pages = [("dashboard", "index.html", args.height), (f"plan-{args.plan}", f"plans/{args.plan}.html", args.plan_height),
                 ("timeline", "timeline.html", args.height)]
        profile = os.path.join(work, "profile")
        for name, page, height in pages:
            path = os.path.join(site, page)
            if not os.path.exists(path):
                print(f"screenshot.py: {page} was not built", file=sys.stderr)
                return 1
            png = os.path.abspath(os.path.join(args.out, name + ".png"))
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            f"--user-data-dir={profile}", f"--screenshot={png}",
                            f"--window-size={args.width},{height}", "file://" + path],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
