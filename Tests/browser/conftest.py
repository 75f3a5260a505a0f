"""Browser tests: the sample site, freshly built, opened from file:// in
headless Chromium (Debian's chromium + chromium-driver) through selenium.

The site is built once per run with the debug binary (built if missing)
and `--today 2026-11-25`, into a world-readable temporary folder (linkchecker
drops root privileges to `nobody` and must still read it), from the sample
portfolio committed to a git repository of its own with a fixed history
(`sample_repository`): the project's own history of `Plans/` is whatever
its development made it, and a shallow CI clone has none.
"""
import os
import shutil
import stat
import subprocess
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TODAY = "2026-11-25"
BASE_URL = "https://governance.example/portfolio/"


def planfolio_binary():
    path = os.environ.get("PLANFOLIO_BIN") or os.path.join(ROOT, ".build", "debug", "planfolio")
    if not os.path.exists(path):
        subprocess.run(["swift", "build", "--product", "planfolio"], cwd=ROOT, check=True)
    return path


# RP-2026-011's story: a governed section (Rollback Criteria) tightened on
# 2026-11-18, after one of its signatures: that signature is stale.
GOVERNED_EDIT = ("Shortlist acceptance below 50% for two consecutive weeks.", "Shortlist acceptance below 55% for two consecutive weeks.")


def git(repo, *args, date="2026-10-01T09:00:00+00:00"):
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="Dana Ortiz", GIT_AUTHOR_EMAIL="dana@governance.example", GIT_COMMITTER_NAME="Dana Ortiz",
               GIT_COMMITTER_EMAIL="dana@governance.example", GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date,
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def sample_repository(parent):
    """The sample portfolio in a new git repository: committed whole on
    2026-10-01 (with RP-2026-011's rollback criteria as they were), then
    the governed edit on 2026-11-18. Returns its Plans folder."""
    repo = os.path.join(parent, "repo")
    plans = os.path.join(repo, "Plans")
    shutil.copytree(os.path.join(ROOT, "Plans"), plans)
    plan = os.path.join(plans, "plans", "RP-2026-011.md")
    with open(plan, encoding="utf-8") as handle:
        text = handle.read()
    assert GOVERNED_EDIT[1] in text
    with open(plan, "w", encoding="utf-8") as handle:
        handle.write(text.replace(GOVERNED_EDIT[1], GOVERNED_EDIT[0]))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The sample portfolio")
    with open(plan, "w", encoding="utf-8") as handle:
        handle.write(text)
    git(repo, "commit", "-q", "-am", "Tighten RP-2026-011's rollback criteria", date="2026-11-18T15:30:00+00:00")
    return plans


def build_site(folder, *extra):
    repository = tempfile.mkdtemp(prefix="planfolio-browser-repo-")
    plans = sample_repository(repository)
    result = subprocess.run(
        [planfolio_binary(), "build", "--input", plans, "--output", folder,
         "--theme", os.path.join(ROOT, "Theme"), "--today", TODAY, *extra],
        cwd=ROOT, capture_output=True, text=True)
    shutil.rmtree(repository, ignore_errors=True)
    assert result.returncode == 0, result.stderr
    for dirpath, dirnames, filenames in os.walk(folder):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)
    return folder


@pytest.fixture(scope="session")
def site():
    """The sample site as a user opens it from a file share: no base URL."""
    parent = tempfile.mkdtemp(prefix="planfolio-browser-")
    os.chmod(parent, 0o755)
    folder = build_site(os.path.join(parent, "Output"))
    yield folder
    shutil.rmtree(parent, ignore_errors=True)


@pytest.fixture(scope="session")
def site_with_base_url():
    parent = tempfile.mkdtemp(prefix="planfolio-browser-base-")
    os.chmod(parent, 0o755)
    folder = build_site(os.path.join(parent, "Output"), "--base-url", BASE_URL)
    yield folder
    shutil.rmtree(parent, ignore_errors=True)


def tool(name, install):
    """`name` on PATH; a missing one fails the run, saying how to install it."""
    path = shutil.which(name)
    if path is None:
        pytest.fail("%s is not on PATH; install it: %s (.ci/browser-deps does)" % (name, install), pytrace=False)
    return path


def make_driver(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = tool("chromium", "apt-get install -y chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-default-apps"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = Service(tool("chromedriver", "apt-get install -y chromium-driver"))
    return webdriver.Chrome(service=service, options=options)


@pytest.fixture(scope="session")
def driver():
    d = make_driver()
    yield d
    d.quit()


@pytest.fixture()
def browser(driver):
    """The shared browser with its logs drained, so each test sees only its own."""
    driver.get_log("browser")
    driver.get_log("performance")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    yield driver


def url(folder, page):
    return "file://" + os.path.join(folder, page)
