"""The documentation site (issue #14, point 1): staged from docs/, the SQL READMEs and a
generated /api/v3 reference, built by mkdocs-material in strict mode (a broken link fails it),
every docs/ page in its navigation, and served by the app at /docs/ with the sidebar's link."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ops import docs_site
from web import create_app
from web.api_v3.routes import ROUTES

ROOT = Path(__file__).resolve().parents[2]


def _nav_pages(nav) -> list[str]:
    pages = []
    for item in nav:
        for value in item.values() if isinstance(item, dict) else [item]:
            pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_every_page_of_docs_and_every_sql_readme_is_in_the_navigation():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    nav = set(_nav_pages(config["nav"]))
    staged = set(docs_site.staged_files().values()) | {"reference/api-v3.md"}
    assert staged - nav == set(), "pages left out of the navigation"
    assert nav - staged == set(), "navigation entries with no page"


def test_links_to_staged_pages_are_rewritten_and_other_repository_files_shown_as_paths():
    pages = docs_site.staged_files()
    source = ROOT / "sql" / "README.md"
    text = ("[jobs](functions/jobs/README.md) [rule](functions/submissions/app.unit_finals.sql) "
            "[`app.assignment_units(assignment, [for_user])`](functions/submissions/app.assignment_units.sql) "
            "[gone](functions/nothing/README.md) [site](https://example.org/x)")
    out = docs_site.rewrite_links(text, source, "reference/sql/index.md", pages)
    assert "[jobs](../../reference/sql/jobs.md)" in out
    assert "rule (`sql/functions/submissions/app.unit_finals.sql`)" in out
    assert ("`app.assignment_units(assignment, [for_user])` (`sql/functions/submissions/app.assignment_units.sql`)"
            in out)
    assert "[gone](functions/nothing/README.md)" in out, "a missing file is left for mkdocs to report"
    assert "[site](https://example.org/x)" in out


def test_the_api_reference_is_generated_from_the_route_table_and_the_functions():
    reference = docs_site.api_reference()
    for route in ROUTES:
        assert f"## api.{route.function}" in reference
        assert f"| {route.method} | `{docs_site._path(route.rule)}` |" in reference
    # the function's own comment and header, not text written here
    section = reference.split("## api.v3_backups_post", 1)[1].split("\n## ", 1)[0]
    body = (next((ROOT / "sql" / "functions").rglob("api.v3_backups_post.sql"))).read_text()
    comment = re.search(r"comment on function api\.v3_backups_post\(.*?\) is\s*'((?:[^']|'')*)'", body, re.S)
    assert comment.group(1).replace("''", "'") in section
    assert "Security: definer" in section


def test_the_strict_build_passes_and_fails_on_a_broken_link(tmp_path):
    staged, site = tmp_path / "src", tmp_path / "site"
    docs_site.stage(staged)
    built = docs_site.mkdocs(staged, site)
    assert built.returncode == 0, built.stderr
    assert (site / "index.html").is_file() and (site / "reference" / "api-v3.html").is_file()
    page = staged / "students.md"
    page.write_text(page.read_text() + "\n[a page that is not there](nowhere.md)\n")
    broken = docs_site.mkdocs(staged, site)
    assert broken.returncode != 0
    assert "nowhere.md" in broken.stderr


def test_the_app_serves_the_site_at_docs_with_a_sidebar_link(tmp_path):
    (tmp_path / "index.html").write_text("<h1>OK v3 docs</h1>")
    (tmp_path / "staff.html").write_text("<h1>Running a course</h1>")
    app = create_app({"DATABASE_DSN": "postgresql://nobody@127.0.0.1:1/none", "OK_ENV": "test",
                      "OK_DOCS_DIR": str(tmp_path)})
    client = app.test_client()
    home = client.get("/docs/")
    assert home.status_code == 200 and b"OK v3 docs" in home.data
    assert "'unsafe-inline'" in home.headers["Content-Security-Policy"]
    assert client.get("/docs/staff.html").status_code == 200
    assert client.get("/docs/../README.md").status_code == 404
    with app.test_request_context():
        from flask import render_template_string

        assert "okv3-nav-docs" in render_template_string(
            "{% extends 'layout.html' %}{% block content %}{% endblock %}", nav=None, claims=None)
    app.config["OK_DOCS_DIR"] = str(tmp_path / "missing")
    missing = client.get("/docs/")
    assert missing.status_code == 404 and b"make docs" in missing.data
