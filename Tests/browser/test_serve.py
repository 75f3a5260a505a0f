"""`planfolio serve` in Chromium: a page opened from the preview server
reloads when its document is edited on disk, shows the diagnostics banner
when the document breaks and loses it when it is fixed, with the site's
Content-Security-Policy in force (no violation in the console).

Each step waits for what the page shows (WebDriverWait), never a sleep.
"""
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, TODAY, planfolio_binary

PLAN = os.path.join("Plans", "plans", "RP-2026-009.md")
PAGE = "plans/RP-2026-009.html"


class Serving:
    """The built binary serving a copy of the sample on a free port."""

    def __init__(self, folder):
        self.process = subprocess.Popen(
            [planfolio_binary(), "serve", "--port", "0", "--today", TODAY],
            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.url = None
        self.stderr = []
        threading.Thread(target=lambda: self.stderr.extend(self.process.stderr), daemon=True).start()
        for line in self.process.stdout:
            match = re.match(r"planfolio: serving (http://\S+)", line)
            if match:
                self.url = match.group(1)
                break
        assert self.url, "serve printed no address: " + "".join(self.stderr)
        threading.Thread(target=lambda: [None for _ in self.process.stdout], daemon=True).start()

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=60)


@pytest.fixture()
def served():
    folder = tempfile.mkdtemp(prefix="planfolio-serve-browser-")
    for name in ("Plans", "Theme"):
        shutil.copytree(os.path.join(ROOT, name), os.path.join(folder, name))
    serving = Serving(folder)
    yield folder, serving
    if serving.process.poll() is None:
        serving.process.kill()
    shutil.rmtree(folder, ignore_errors=True)


def edit(folder, change):
    path = os.path.join(folder, PLAN)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(change(text))


def listening(driver):
    return driver.execute_script("return document.documentElement.getAttribute('data-planfolio-serve')") == "connected"


def reloaded(driver):
    """True once the page was loaded anew (the mark set on the old one is gone) and listens again."""
    return driver.execute_script("return window.planfolioTestMark === undefined") and listening(driver)


def mark(driver):
    driver.execute_script("window.planfolioTestMark = 1")


def banners(driver, selector=".pf-serve-banner"):
    return driver.find_elements(By.CSS_SELECTOR, selector)


def test_a_page_reloads_on_an_edit_and_shows_then_drops_the_banner(served, browser):
    folder, serving = served
    wait = WebDriverWait(browser, 30)
    browser.get(serving.url + PAGE)
    wait.until(listening)
    assert banners(browser) == []

    # The prose changes on disk: the page reloads by itself and shows it.
    mark(browser)
    edit(folder, lambda text: text + "\nA sentence added while previewing: zebra forty-two.\n")
    wait.until(reloaded)
    wait.until(lambda d: "zebra forty-two" in d.find_element(By.TAG_NAME, "main").text)

    # An impossible date: the page reloads with an error banner over the last good page.
    mark(browser)
    edit(folder, lambda text: text.replace("date: 2026-07-14", "date: 2026-07-32", 1))
    wait.until(reloaded)
    wait.until(lambda d: banners(d, ".pf-serve-banner-error"))
    banner = banners(browser)[0].text
    assert "RP-2026-009.md:6: error:" in banner
    assert "last good build" in banner
    assert "zebra forty-two" in browser.find_element(By.TAG_NAME, "main").text
    # The banner is styled by the served stylesheet (a file, allowed by style-src 'self').
    border = browser.execute_script(
        "return getComputedStyle(document.querySelector('.pf-serve-banner')).borderLeftWidth")
    assert border == "8px"

    # Fixed: the banner goes.
    mark(browser)
    edit(folder, lambda text: text.replace("date: 2026-07-32", "date: 2026-07-14", 1))
    wait.until(reloaded)
    wait.until(lambda d: banners(d) == [])

    # The site's policy held throughout: the reload script and the event stream were allowed.
    violations = [entry["message"] for entry in browser.get_log("browser")
                  if "Content Security Policy" in entry["message"] or "Refused" in entry["message"]]
    assert violations == []

    assert serving.stop() == 0
    assert "planfolio: stopped" in "".join(serving.stderr)


def test_the_dashboard_lists_a_documents_error(served, browser):
    folder, serving = served
    wait = WebDriverWait(browser, 30)
    browser.get(serving.url)
    wait.until(listening)
    mark(browser)
    edit(folder, lambda text: text.replace("date: 2026-07-14", "date: 2026-07-32", 1))
    wait.until(reloaded)
    wait.until(lambda d: banners(d, ".pf-serve-banner-error"))
    assert "RP-2026-009.md:6: error:" in banners(browser)[0].text
    assert serving.stop() == 0
