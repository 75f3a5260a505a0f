"""axe-core (as shipped in axe-selenium-python) on the pages auditors use,
in the light and the dark colour scheme: no serious or critical violation."""
import glob
import os

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import url

PAGES = ["index.html", "plans/RP-2026-009.html", "investigations/DIR-2026-004.html", "timeline.html",
         "approvals.html", "search.html?q=credit", "plans.html", "404.html", "changes.html", "revision"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_serious_violation(site, browser, page, scheme):
    if page == "revision":
        # A revision page of the sample's history (conftest.py): its name holds the commit id.
        page = os.path.relpath(sorted(glob.glob(os.path.join(site, "revisions", "RP-2026-011-*.html")))[0], site)
    assert os.path.exists(os.path.join(site, page.split("?")[0])), "%s was not built" % page
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    browser.get(url(site, page))
    if "search.html" in page:
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"resultTypes": ["violations"]})
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    report = "\n".join("%s (%s): %s — %s" % (v["id"], v["impact"], v["help"],
                                             [n["target"] for n in v["nodes"]][:5]) for v in serious)
    assert serious == [], report


def test_skip_link_landmarks_and_heading_order_on_every_page(site, browser):
    pages = sorted(os.path.relpath(os.path.join(d, n), site)
                   for d, _, names in os.walk(site) for n in names if n.endswith(".html"))
    for page in pages:
        browser.get(url(site, page))
        first = browser.execute_script("return document.querySelector('body a')")
        assert first.get_attribute("class") == "skip-link", page
        for selector in ["header.site-header", "nav.site-nav", "main#pf-main", "footer.site-footer", "form[role=search]"]:
            assert browser.find_elements(By.CSS_SELECTOR, selector), (page, selector)
        levels = browser.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6'),"
            " function (h) { return +h.tagName[1]; })")
        assert levels[0] == 1 and levels.count(1) == 1, (page, levels)
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (page, levels)
        unlabelled = browser.execute_script(
            "return Array.prototype.filter.call(document.querySelectorAll('input, select, textarea'),"
            " function (e) { return !(e.labels && e.labels.length) && !e.getAttribute('aria-label'); }).length")
        assert unlabelled == 0, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_filter_chips_and_sorted_headers(site, browser, scheme):
    from test_site import fixture_list
    path, _ = fixture_list(site)
    try:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
        browser.get("file://" + path + "#lifecycle=overdue")
        browser.find_elements(By.CSS_SELECTOR, "#doc-list thead button")[1].click()
        assert browser.find_elements(By.CSS_SELECTOR, ".chip[aria-pressed=true]")
        axe = Axe(browser)
        axe.inject()
        results = axe.run(options={"resultTypes": ["violations"]})
        serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], [(v["id"], [n["target"] for n in v["nodes"]][:5]) for v in serious]
    finally:
        os.remove(path)
