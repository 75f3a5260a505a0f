"""What a user sees, from file://: search, sorting, filter chips, no errors, no network."""
import glob
import json
import os
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import make_driver, url


def wait(driver, seconds=10):
    return WebDriverWait(driver, seconds)


def results(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#search-results a.result-link")


def test_search_for_an_id_lists_its_page_first_and_opens_it(site, browser):
    browser.get(url(site, "search.html"))
    box = browser.find_element(By.ID, "search-q")
    box.send_keys("RP-2026-009")
    wait(browser).until(lambda d: len(results(d)) > 0)
    first = results(browser)[0]
    assert "RP-2026-009" in first.find_element(By.CLASS_NAME, "result-id").text
    assert first.find_element(By.CLASS_NAME, "result-kind").text == "Plan"
    wait(browser).until(lambda d: "match" in d.find_element(By.ID, "search-status").text)
    # Keyboard: arrow down from the box to the first result, Enter opens it.
    box.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element == results(browser)[0]
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait(browser).until(EC.url_contains("plans/RP-2026-009.html"))
    assert browser.find_element(By.CSS_SELECTOR, ".doc-id").text == "RP-2026-009"


def test_search_ranks_id_before_title_before_text(site, browser):
    browser.get(url(site, "search.html?q=FAF-2026-03-001"))
    wait(browser).until(lambda d: len(results(d)) > 0)
    ids = [r.find_element(By.CLASS_NAME, "result-id").text for r in results(browser)]
    assert ids[0] == "FAF-2026-03-001"
    # Documents that only mention the id in their text come after it.
    assert len(ids) >= 1
    browser.get(url(site, "search.html?q=zzzz-no-such-thing"))
    wait(browser).until(lambda d: "No documents match" in d.find_element(By.ID, "search-status").text)


def test_arrow_keys_move_through_results(site, browser):
    browser.get(url(site, "search.html?q=credit"))
    wait(browser).until(lambda d: len(results(d)) > 1)
    box = browser.find_element(By.ID, "search-q")
    box.send_keys(Keys.ARROW_DOWN)
    browser.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element == results(browser)[1]
    browser.switch_to.active_element.send_keys(Keys.ARROW_UP)
    browser.switch_to.active_element.send_keys(Keys.ARROW_UP)
    assert browser.switch_to.active_element == box


def test_header_search_form_goes_to_search_page(site, browser):
    browser.get(url(site, "plans/RP-2026-009.html"))
    box = browser.find_element(By.ID, "pf-site-search-q")
    box.send_keys("Credit Limit")
    box.send_keys(Keys.ENTER)
    wait(browser).until(EC.url_contains("search.html?q=Credit"))
    wait(browser).until(lambda d: len(results(d)) > 0)
    assert browser.find_element(By.ID, "search-q").get_attribute("value") == "Credit Limit"


def test_header_search_form_works_without_script(site):
    driver = make_driver(javascript=False)
    try:
        driver.get(url(site, "plans/RP-2026-009.html"))
        box = driver.find_element(By.ID, "pf-site-search-q")
        box.send_keys("drift")
        box.send_keys(Keys.ENTER)
        wait(driver).until(EC.url_contains("search.html?q=drift"))
        assert "Search needs JavaScript" in driver.page_source
        # Lists are complete without script: every plan is a row.
        driver.get(url(site, "plans.html"))
        rows = driver.find_elements(By.CSS_SELECTOR, "#doc-list tbody tr")
        assert len(rows) == len(glob.glob(os.path.join(site, "plans", "*.html")))
        assert not driver.find_elements(By.CSS_SELECTOR, ".sort-button")
    finally:
        driver.quit()


def column(driver, index):
    return [row.find_elements(By.TAG_NAME, "td")[index].text
            for row in driver.find_elements(By.CSS_SELECTOR, "#doc-list tbody tr") if row.is_displayed()]


def test_sorting_a_column_reorders_the_rows(site, browser):
    browser.get(url(site, "plans.html"))
    headers = browser.find_elements(By.CSS_SELECTOR, "#doc-list thead th")
    titles = [h.text for h in headers]
    title_index = titles.index("Title")
    before = column(browser, title_index)
    button = headers[title_index].find_element(By.CSS_SELECTOR, "button.sort-button")
    button.click()
    ascending = column(browser, title_index)
    assert ascending == sorted(before, key=str.lower)
    assert headers[title_index].get_attribute("aria-sort") == "ascending"
    button.click()
    assert column(browser, title_index) == list(reversed(ascending))
    assert headers[title_index].get_attribute("aria-sort") == "descending"
    # Keyboard: the header button takes Enter too.
    id_button = headers[0].find_element(By.CSS_SELECTOR, "button.sort-button")
    id_button.send_keys(Keys.ENTER)
    assert headers[0].get_attribute("aria-sort") == "ascending"
    assert headers[title_index].get_attribute("aria-sort") is None
    ids = column(browser, 0)
    assert ids == sorted(ids)


STATES = ["overdue", "draft", "in progress", "approved", "overdue"]


def fixture_list(site):
    """plans.html with filter attributes on its rows, as Compute writes them
    (issue 6); written beside plans.html so it loads the same assets."""
    with open(os.path.join(site, "plans.html"), encoding="utf-8") as f:
        html = f.read()
    count = [0]

    def add(match):
        i = count[0]
        count[0] += 1
        return ('<tr data-lifecycle="%s" data-approval="%s" data-open="%s">'
                % (STATES[i % len(STATES)], ["partial", "awaiting", "approved"][i % 3], "true" if i % 4 else "false"))
    body_start = html.index("<tbody>")
    html = html[:body_start] + re.sub(r"<tr[^>]*>", add, html[body_start:])
    path = os.path.join(site, "plans-filter-fixture.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    return path, count[0]


def visible_rows(driver):
    return [r for r in driver.find_elements(By.CSS_SELECTOR, "#doc-list tbody tr") if r.is_displayed()]


def test_filter_chips_filter_rows(site, browser):
    path, total = fixture_list(site)
    try:
        browser.get("file://" + path)
        chips = {c.text: c for c in browser.find_elements(By.CSS_SELECTOR, ".filters .chip")}
        assert "Overdue" in chips and "Partially approved" in chips and "Open" in chips
        chips["Overdue"].click()
        rows = visible_rows(browser)
        assert rows and all(r.get_attribute("data-lifecycle") == "overdue" for r in rows)
        assert len(rows) == sum(1 for i in range(total) if STATES[i % len(STATES)] == "overdue")
        assert chips["Overdue"].get_attribute("aria-pressed") == "true"
        assert browser.find_element(By.CSS_SELECTOR, ".filter-status").text.startswith("Showing %d of %d" % (len(rows), total))
        assert browser.execute_script("return location.hash") == "#lifecycle=overdue"
        all_chip = browser.find_elements(By.CSS_SELECTOR, ".filters fieldset")[0].find_element(By.CSS_SELECTOR, ".chip")
        all_chip.click()
        assert len(visible_rows(browser)) == total
        # A dashboard count links to a filtered list with a fragment.
        browser.get("file://" + path + "#lifecycle=in-progress&open=true")
        rows = visible_rows(browser)
        assert rows and all(r.get_attribute("data-lifecycle") == "in progress" and r.get_attribute("data-open") == "true" for r in rows)
    finally:
        os.remove(path)


def test_dashboard_counts_open_filtered_lists(site, browser):
    browser.get(url(site, "index.html"))
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main a[href*='plans.html#']")]
    assert links, "the dashboard links no count to a filtered plan list"
    for link in links:
        browser.get(link)
        key, value = link.split("#", 1)[1].split("&")[0].split("=")
        rows = browser.find_elements(By.CSS_SELECTOR, "#doc-list tbody tr")
        shown = [r for r in rows if r.is_displayed()]
        want = value.replace("-", " ")
        assert all((r.get_attribute("data-" + key) or "").replace("-", " ") == want for r in shown), link
        hidden = [r for r in rows if not r.is_displayed()]
        assert all((r.get_attribute("data-" + key) or "").replace("-", " ") != want for r in hidden), link
        pressed = browser.find_elements(By.CSS_SELECTOR, ".chip[aria-pressed=true]")
        assert any(c.get_attribute("data-value") == want for c in pressed), link


def test_open_closed_chips_on_assessments(site, browser):
    browser.get(url(site, "assessments.html"))
    chips = {c.text: c for c in browser.find_elements(By.CSS_SELECTOR, ".filters .chip")}
    assert "Open" in chips
    chips["Open"].click()
    rows = visible_rows(browser)
    assert rows and all(r.get_attribute("data-open") == "open" for r in rows)


def test_stale_approval_chip_on_plans_and_register(site, browser):
    for page, rows_selector in [("plans.html", "#doc-list tbody tr"), ("approvals.html", "#approval-register tbody tr")]:
        browser.get(url(site, page))
        chips = {c.text: c for c in browser.find_elements(By.CSS_SELECTOR, ".filters .chip")}
        assert "Stale approval" in chips, page
        chips["Stale approval"].click()
        rows = browser.find_elements(By.CSS_SELECTOR, rows_selector)
        shown = [r for r in rows if r.is_displayed()]
        assert shown and all(r.get_attribute("data-stale") == "stale" for r in shown), page
        assert all(r.get_attribute("data-stale") != "stale" for r in rows if not r.is_displayed()), page
        assert browser.execute_script("return location.hash") == "#stale=stale"


def test_plan_page_shows_each_table_once_in_its_section(site, browser):
    browser.get(url(site, "plans/RP-2026-009.html"))
    order = browser.execute_script("""
        var ids = ['phases-and-milestones', 'pf-timeline', 'responsibilities', 'approval', 'pf-approval-status'];
        return ids.map(function (id) {
          var all = Array.prototype.slice.call(document.querySelectorAll('#pf-main *'));
          return all.indexOf(document.getElementById(id));
        });""")
    assert -1 not in order and order == sorted(order)
    # One phase table, one responsibilities table, one approval table: no raw copies.
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.plan-phases")) == 1
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.plan-responsibilities")) == 1
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.approval-table")) == 1
    # The three above and the milestones, no other; then the revision list, after the body.
    assert len(browser.find_elements(By.CSS_SELECTOR, "main table:not(.revision-list)")) == 4
    assert len(browser.find_elements(By.CSS_SELECTOR, "main table.revision-list")) == 1
    cards = [c.text for c in browser.find_elements(By.CSS_SELECTOR, ".chain-card")]
    assert len(cards) == 2 and "FAF-2026-03-001" in cards[0] and "DIR-2026-004" in cards[1]


def all_pages(site):
    pages = []
    for dirpath, _, filenames in os.walk(site):
        for name in filenames:
            if name.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(dirpath, name), site))
    return sorted(pages)


def test_no_console_errors_and_no_network_request(site, browser):
    pages = all_pages(site) + ["search.html?q=credit"]
    assert len(pages) > 10
    for page in pages:
        browser.get(url(site, page))
        browser.execute_script("return document.readyState")
        resources = browser.execute_script(
            "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
            ".concat(performance.getEntriesByType('navigation').map(function (e) { return e.name; }))")
        outside = [r for r in resources if not r.startswith("file://")]
        assert outside == [], "%s requested %s" % (page, outside)
        logs = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
        assert logs == [], "%s: %s" % (page, logs)
    # The performance log sees every request Chromium made, including ones a
    # page could hide from performance entries.
    requests = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    remote = [r for r in requests if not r.startswith(("file://", "data:"))]
    assert remote == []
    assert any(r.endswith("search-index.js") for r in requests)


def test_print_hides_navigation_and_shows_link_targets(site, browser):
    browser.get(url(site, "investigations/DIR-2026-004.html"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    display = lambda selector: browser.execute_script(
        "var e = document.querySelector(arguments[0]); return e ? getComputedStyle(e).display : null", selector)
    assert display(".site-header") == "none"
    assert display(".site-search") == "none"
    assert display(".print-footer") == "block"
    after = browser.execute_script(
        "var a = document.querySelector('.doc-body a[href$=\".csv\"]'); return getComputedStyle(a, '::after').content")
    assert "files/investigations/evidence/DIR-2026-004-psi-by-week.csv" in after
    footer = browser.find_element(By.CSS_SELECTOR, ".print-footer").get_attribute("textContent")
    assert "DIR-2026-004" in footer and "2026-11-25" in footer
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"displayHeaderFooter": False})
    assert len(pdf["data"]) > 1000


def test_plan_prints_as_a_document_with_a_footer_in_the_page_margin(site, browser):
    browser.get(url(site, "plans/RP-2026-009.html"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    style = lambda selector, prop, pseudo=None: browser.execute_script(
        "var e = document.querySelector(arguments[0]); return e ? getComputedStyle(e, arguments[2]).getPropertyValue(arguments[1]) : null",
        selector, prop, pseudo)
    # The footer's text reaches the @page margin boxes through a custom property,
    # and nothing on the page is fixed over the text.
    assert "RP-2026-009" in style(":root", "--print-footer") and "2026-11-25" in style(":root", "--print-footer")
    assert style(".print-footer", "position") == "static"
    assert style(".doc-sections", "display") == "none"
    assert style(".filters", "display") in (None, "none")
    # A link to another page of the site is its id already: no relative path in brackets.
    assert style(".meta a[href*='assessments/']", "content", "::after") in ("none", "normal")
    assert style(".badge", "background-color") in ("rgba(0, 0, 0, 0)", "transparent")
