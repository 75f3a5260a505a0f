"""Hostile evidence SVGs in a real browser.

Every SVG case of the attack corpus (Tests/Fixtures/attacks/svg) that
builds is built with the debug binary, and every evidence file the site
publishes is opened in headless Chromium from file://, directly and by
clicking its link on the document page, then hovered and clicked at its
centre (links, handlers). The test fails on any sign that something ran
or reached out: the payloads' own marks (`document.title` or `window.name`
set to PWNED, an alert, a console message), a navigation away from the
file, or any request that is not file:// (from Chrome's performance log:
`Network.requestWillBeSent`).

The same harness opened on the original attack files must see those signs,
or the test proves nothing: `test_the_harness_sees_the_raw_attacks`.
"""
import glob
import json
import os
import shutil
import subprocess
import tempfile

import pytest
from selenium.common.exceptions import (NoAlertPresentException, TimeoutException,
                                        UnexpectedAlertPresentException, WebDriverException)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, planfolio_binary, url

ATTACKS = os.path.join(ROOT, "Tests", "Fixtures", "attacks", "svg")
MARK = "PWNED"
# How long a page gets to misbehave after it has loaded and been clicked.
# The raw attack files show their signs well within it.
WINDOW_SECONDS = 2


def cases():
    """(name, folder, expectation) of every SVG case, sorted."""
    found = []
    for folder in sorted(glob.glob(os.path.join(ATTACKS, "*"))):
        expect_path = os.path.join(folder, "expect.json")
        if os.path.exists(expect_path):
            with open(expect_path) as f:
                found.append((os.path.basename(folder), folder, json.load(f)))
    return found


def published_cases():
    return [case for case in cases() if case[2]["exit"] == 0]


def build_case(folder, into):
    """The case's portfolio built into `into/Output`, as the corpus runner builds it."""
    input_folder = os.path.join(into, "Plans")
    shutil.copytree(folder, input_folder, symlinks=True,
                    ignore=shutil.ignore_patterns("expect.json", "generate.json", "make-fifo.json", "planfolio.yml"))
    output = os.path.join(into, "Output")
    result = subprocess.run([planfolio_binary(), "build", "--input", input_folder, "--output", output,
                             "--today", "2026-12-01"], cwd=into, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def hostile_sites():
    parent = tempfile.mkdtemp(prefix="planfolio-hostile-")
    sites = {}
    for name, folder, _ in published_cases():
        into = os.path.join(parent, name)
        os.makedirs(into)
        sites[name] = build_case(folder, into)
    yield sites
    shutil.rmtree(parent, ignore_errors=True)


def drain(driver):
    for kind in ("browser", "performance"):
        driver.get_log(kind)


def requests_off_file(driver):
    found = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            request_url = message["params"]["request"]["url"]
            if not request_url.startswith("file://"):
                found.append(request_url)
    return found


def alert_text(driver):
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        return text
    except NoAlertPresentException:
        return None


def marks(driver, expected_url):
    """What the page shows of having run or gone somewhere, now."""
    signs = []
    text = alert_text(driver)
    if text is not None:
        signs.append(f"alert: {text}")
    try:
        if driver.title == MARK:
            signs.append("document.title was set")
        if driver.execute_script("return window.name") == MARK:
            signs.append("window.name was set")
        if driver.current_url != expected_url:
            signs.append(f"navigated to {driver.current_url}")
    except UnexpectedAlertPresentException:
        signs.append("alert")
    return signs


def observe(driver, evidence_url, from_page=None):
    """Opens the evidence file (from `from_page` by clicking its link, or
    directly), hovers and clicks its centre, and gives it WINDOW_SECONDS
    to act; every sign it gave."""
    driver.get("about:blank")
    driver.execute_script("window.name = ''")
    drain(driver)
    signs = []
    if from_page:
        driver.get(from_page)
        link = driver.find_element(By.CSS_SELECTOR, "main a[href$='.svg']")
        assert link.get_attribute("href") == evidence_url
        link.click()
    else:
        driver.get(evidence_url)
    try:
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
        root = driver.find_element(By.CSS_SELECTOR, ":root")
        ActionChains(driver).move_to_element(root).click().perform()
    except (UnexpectedAlertPresentException, WebDriverException) as error:
        signs.append(f"the page broke the harness: {error.__class__.__name__}")
    try:
        WebDriverWait(driver, WINDOW_SECONDS, poll_frequency=0.1).until(lambda d: marks(d, evidence_url))
    except TimeoutException:
        pass
    signs += marks(driver, evidence_url)
    signs += [f"request: {u}" for u in requests_off_file(driver)]
    signs += [f"console: {e['message']}" for e in driver.get_log("browser") if MARK in e.get("message", "")]
    return signs


def test_every_published_evidence_file_is_inert(hostile_sites, browser):
    opened = 0
    for name, site in sorted(hostile_sites.items()):
        evidence = sorted(glob.glob(os.path.join(site, "files", "**", "*.svg"), recursive=True))
        assert evidence, f"{name}: the build published no SVG"
        page = url(site, "investigations/DIR-2026-001.html")
        for path in evidence:
            evidence_url = "file://" + path
            for from_page in (None, page):
                signs = observe(browser, evidence_url, from_page)
                assert not signs, f"{name}: {os.path.relpath(path, site)} {'from its link' if from_page else 'opened'}: {signs}"
                opened += 1
        # The document page itself, with the SVG as an image, is quiet too.
        browser.get(page)
        assert requests_off_file(browser) == [], name
        assert marks(browser, page) == [], name
    assert opened >= 2 * len(published_cases())


# The raw files the harness must catch: each original, opened the same way,
# shows at least one sign (script ran, navigation, or a request off file://).
# Two are inert in Chromium even raw, and their copies are checked all the
# same above: a CDATA section is text, and attribute names are
# case-sensitive in XML, so ONMOUSEOVER is no handler in an SVG file.
RAW_ACTIVE = [
    "namespace-prefix-script", "xhtml-script", "onload-newline", "utf16-script", "entity-javascript-xlink",
    "animate-href", "iframe-srcdoc", "meta-refresh", "href-http", "entity-http", "css-url-space", "css-import",
    "css-escape", "xml-stylesheet", "data-url-image", "link-navigation",
]


def test_every_published_case_is_tried_raw_or_known_inert():
    inert = {"cdata-script", "uppercase-handler"}
    assert {name for name, _, _ in published_cases()} == set(RAW_ACTIVE) | inert


@pytest.mark.parametrize("name", RAW_ACTIVE)
def test_the_harness_sees_the_raw_attacks(name, browser):
    folder = os.path.join(ATTACKS, name)
    raw = os.path.join(folder, "investigations", "evidence", "e.svg")
    assert os.path.exists(raw)
    signs = observe(browser, "file://" + raw)
    assert signs, f"{name}: the raw attack showed nothing, so the harness would not see it either"
