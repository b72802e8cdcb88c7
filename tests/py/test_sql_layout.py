"""The SQL layout: sql/functions, sql/views and sql/tables sorted by domain, one object per
file named after it, and a README per domain that names every object of its domain.

The rest of the conventions (headers, grants, definers) are checked in the database by
tests/sql/catalog.sql; this file checks what only the files show."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from migrations import replaceables
from web.settings import ROOT

SQL = ROOT / "sql"
KINDS = ("functions", "views", "tables")
CREATES = re.compile(r"^create\s+(?:or\s+replace\s+)?(?:function|view|materialized\s+view)\s+"
                     r"([a-z_0-9]+\.[a-z_0-9]+)\b",
                     re.IGNORECASE | re.MULTILINE)


def domains(sql: Path) -> set[str]:
    return {p.name for kind in KINDS for p in (sql / kind).iterdir() if p.is_dir()}


def misplaced(sql: Path) -> list[str]:
    """Files outside sql/<kind>/<domain>/ (one level of folders)."""
    loose = [p for kind in KINDS for p in (sql / kind).glob("*.sql")]
    deep = [p for kind in KINDS for p in (sql / kind).glob("*/*/**/*.sql")]
    return [str(p.relative_to(sql.parent)) for p in loose + deep]


def readme_problems(sql: Path) -> list[str]:
    """Each domain's README (sql/functions/<domain>/README.md) names every object of the
    domain, names no other, and links only to files that exist."""
    problems = []
    for domain in sorted(domains(sql)):
        readme = sql / "functions" / domain / "README.md"
        if not readme.exists():
            problems.append(f"{domain}: no README.md")
            continue
        text = readme.read_text()
        mine = {p.stem for kind in KINDS for p in (sql / kind / domain).glob("*.sql")}
        named = set(re.findall(r"\[`([a-z_0-9]+\.[a-z_0-9]+)`\]\(", text))
        problems += [f"{domain}: README does not name {n}" for n in sorted(mine - named)]
        problems += [f"{domain}: README names {n}, which is not in this domain" for n in sorted(named - mine)]
        for target in re.findall(r"\]\((\.\./[^)]+)\)", text):
            if not (readme.parent / target).resolve().exists():
                problems.append(f"{domain}: README links to {target}, which does not exist")
    return problems


def test_every_file_is_in_a_domain_folder():
    assert misplaced(SQL) == [], "sql/<kind>/<domain>/<schema>.<object>.sql, one level of folders"


def test_each_file_defines_the_one_object_it_is_named_after():
    wrong = {}
    for path in replaceables.replaceable_files():
        names = set(CREATES.findall(path.read_text()))
        if names != {path.name[:-4]}:
            wrong[str(path.relative_to(ROOT))] = sorted(names)
    assert wrong == {}


def test_a_domain_has_a_readme_that_names_each_of_its_objects_and_no_other():
    assert readme_problems(SQL) == []


def test_the_sql_readme_lists_every_domain():
    text = (SQL / "README.md").read_text()
    assert [d for d in sorted(domains(SQL)) if f"functions/{d}/README.md" not in text] == []


def test_the_checks_catch_a_loose_file_and_an_object_its_readme_does_not_name(tmp_path):
    copy = tmp_path / "sql"
    shutil.copytree(SQL, copy)
    (copy / "functions" / "app.loose.sql").write_text("create function app.loose() returns int;\n")
    (copy / "functions" / "groups" / "app.unnamed.sql").write_text("create function app.unnamed() returns int;\n")
    (copy / "views" / "groups" / "deeper").mkdir()
    (copy / "views" / "groups" / "deeper" / "app.deep.sql").write_text("create view app.deep as select 1;\n")
    assert sorted(misplaced(copy)) == ["sql/functions/app.loose.sql", "sql/views/groups/deeper/app.deep.sql"]
    assert readme_problems(copy) == ["groups: README does not name app.unnamed"]


def test_the_rules_table_names_every_caller_of_each_rule():
    """sql/README.md "Where each rule lives": a newcomer finds a rule's definition and every
    object that reads it from the README alone, so the "Read by" column must be complete."""
    text = (SQL / "README.md").read_text()
    table = text[text.index("## Where each rule lives"):]
    bodies = {p.name[:-4]: re.sub(r"--[^\n]*", "", p.read_text()) for p in replaceables.replaceable_files()}
    missing = []
    for row in table.splitlines():
        cells = row.split(" | ")
        if len(cells) != 3 or row.startswith(("| Rule", "|---")):
            continue
        rules = re.findall(r"\[`([a-z_0-9]+\.[a-z_0-9]+)", cells[1])
        readers = set(re.findall(r"\[`([a-z_0-9]+\.[a-z_0-9]+)", cells[2]))
        for rule in rules:
            callers = {name for name, body in bodies.items()
                       if name not in rules and re.search(rf"\b{re.escape(rule)}\b(?!\.sql)", body)}
            missing += [f"{rule} is read by {c}" for c in sorted(callers - readers)]
    assert missing == []
