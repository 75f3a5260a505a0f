"""The git history as an auditor follows it in a browser: a plan's
revision list, the stale signature's cause in its approval panel and the
register, the revision page with the governed change marked, and
changes.html (the site of conftest.py: the sample committed on 2026-10-01,
then RP-2026-011's rollback criteria tightened on 2026-11-18)."""
import glob
import os

from selenium.webdriver.common.by import By

from conftest import url


def revision_pages(site, document):
    return sorted(os.path.relpath(p, site) for p in glob.glob(os.path.join(site, "revisions", document + "-*.html")))


def test_a_governed_edit_is_listed_and_explains_the_stale_signature(site, browser):
    browser.get(url(site, "plans/RP-2026-011.html"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#pf-revisions tbody tr")
    # Newest first: the governed edit, then the commit that added the plan.
    assert len(rows) == 2, [r.text for r in rows]
    assert "2026-11-18" in rows[0].text and "Tighten RP-2026-011" in rows[0].text
    assert "Governed: Rollback Plan" in rows[0].text, rows[0].text
    assert "2026-10-01" in rows[1].text and "Added" in rows[1].text
    stale = [r for r in browser.find_elements(By.CSS_SELECTOR, ".approval-table tbody tr") if r.get_attribute("data-state") == "stale"]
    assert stale, "no stale signature on RP-2026-011"
    assert "Stale since 2026-11-18" in stale[0].text and "Rollback Plan changed in" in stale[0].text, stale[0].text
    # The cause links the revision page, which exists and marks the change as governed.
    cause = stale[0].find_element(By.CSS_SELECTOR, "a")
    assert cause.get_attribute("href") == rows[0].find_element(By.CSS_SELECTOR, "a").get_attribute("href")
    cause.click()
    assert "/revisions/RP-2026-011-" in browser.current_url
    assert "Governed sections changed" in browser.find_element(By.CSS_SELECTOR, ".governed-note").text
    hunks = browser.find_elements(By.CSS_SELECTOR, ".diff-hunk.diff-governed")
    assert len(hunks) == 1 and "in Rollback Plan" in hunks[0].find_element(By.CSS_SELECTOR, "h2").text
    removed = [r.text for r in hunks[0].find_elements(By.CSS_SELECTOR, "tr.diff-removed")]
    added = [r.text for r in hunks[0].find_elements(By.CSS_SELECTOR, "tr.diff-added")]
    assert any("below 50%" in t for t in removed) and any("below 55%" in t for t in added), (removed, added)


def test_the_register_names_the_cause_and_only_changed_documents_have_revision_pages(site, browser):
    browser.get(url(site, "approvals.html"))
    row = browser.find_element(By.XPATH, "//table[@id='approval-register']//tr[.//a[text()='RP-2026-011']]")
    assert "Rollback Plan changed in" in row.text, row.text
    # Every other document was added once and not changed since: its page is that version, no revision page.
    # RP-2026-011 has one page per revision: as added, and the edit.
    assert len(glob.glob(os.path.join(site, "revisions", "*.html"))) == len(revision_pages(site, "RP-2026-011")) == 2


def test_changes_page_lists_the_edit_and_the_navigation_links_it(site, browser):
    browser.get(url(site, "index.html"))
    link = browser.find_element(By.LINK_TEXT, "Changes")
    link.click()
    assert browser.current_url.endswith("/changes.html")
    text = browser.find_element(By.CSS_SELECTOR, "main").text
    # Thirty days before the build's today (2026-11-25) is after the first commit: only the edit counts.
    assert "What changed since 2026-10-26" in text, text
    changed = browser.find_elements(By.CSS_SELECTOR, "#pf-changes-changed + ul li")
    assert [li.find_element(By.CSS_SELECTOR, "a").text for li in changed] == ["RP-2026-011"]
    assert "Added" not in [h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h2")]
