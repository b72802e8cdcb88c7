"""The migrations a DBA reviews: every revision's SQL is in .sql files beside it, the .py only
runs them, and revisions after 0010 set their timeouts and are held to every squawk rule."""

from __future__ import annotations

import ast
import re
import subprocess

import pytest

from migrations import newrevision
from web.settings import ROOT

VERSIONS = ROOT / "migrations" / "versions"
# Written before squawk and the timeout rule; their squawk-ignore-file headers stay.
BEFORE_THE_RULES = {f"{n:04d}" for n in range(1, 11)}
CONCURRENT = re.compile(r"^(create (unique )?index|drop index) concurrently\b", re.IGNORECASE)


def _revisions() -> list[tuple[str, object]]:
    found = []
    for py in sorted(VERSIONS.glob("*.py")):
        if py.name == "__init__.py":
            continue
        tree = ast.parse(py.read_text())
        ids = [n.value.value for n in tree.body if isinstance(n, ast.Assign)
               and getattr(n.targets[0], "id", None) == "revision"]
        found.append((ids[0], py))
    return found


def _statements(sql: str) -> list[str]:
    """Statements, roughly (comments dropped, split on ';' at line ends): enough for headers."""
    text = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in re.split(r";\s*\n", text) if s.strip()]


def timeout_problems(upgrade_sql: str, concurrent: bool) -> list[str]:
    """What a new revision's upgrade.sql lacks: timeouts first, or one concurrent statement."""
    statements = _statements(upgrade_sql)
    if concurrent:  # sqlexec.execute_file_concurrently sets lock_timeout around it
        ok = len(statements) == 1 and CONCURRENT.match(statements[0])
        return [] if ok else ["a concurrent revision holds exactly one (create|drop) index concurrently"]
    problems = []
    if not statements or not re.match(r"set local lock_timeout = '\d+m?s'", statements[0]):
        problems.append("the first statement must be: set local lock_timeout = '...'")
    if not any(re.match(r"set local statement_timeout = ", s) for s in statements[:2]):
        problems.append("the first statements must set local statement_timeout")
    return problems


def test_every_revision_runs_its_own_sql_files_and_nothing_else():
    revisions = _revisions()
    assert [r for r, _ in revisions][:10] == sorted(BEFORE_THE_RULES)
    for _, py in revisions:
        source = py.read_text()
        for kind in ("upgrade", "downgrade"):
            assert py.with_suffix(f".{kind}.sql").is_file(), f"{py.name}: no .{kind}.sql"
        assert "op.execute" not in source and "import op" not in source, py.name
        calls = re.findall(r"\b(execute\w*)\(", source)
        assert set(calls) <= {"execute_file", "execute_file_concurrently"}, (py.name, calls)
        assert '"""' not in source.split('"""', 2)[2], f"{py.name}: SQL belongs in the .sql files"
    strays = {p.name.split(".")[0] for p in VERSIONS.glob("*.sql")} - {py.stem for _, py in revisions}
    assert not strays, f".sql files without a revision: {strays}"


def test_revisions_after_0010_set_timeouts_and_ignore_no_whole_file():
    for revision, py in _revisions():
        texts = {k: py.with_suffix(f".{k}.sql").read_text() for k in ("upgrade", "downgrade")}
        if revision in BEFORE_THE_RULES:
            continue
        for kind, text in texts.items():
            assert "squawk-ignore-file" not in text, f"{py.name} {kind}: ignore per statement, with a reason"
        concurrent = "execute_file_concurrently" in py.read_text()
        assert timeout_problems(texts["upgrade"], concurrent) == [], py.name


def test_the_timeout_check_itself():
    assert timeout_problems("alter table app.x add column y text;\n", False)
    assert timeout_problems("set local lock_timeout = '5s';\nalter table app.x add column y text;\n", False)
    assert timeout_problems("create index concurrently i on app.x (y);\n", False)
    assert not timeout_problems("-- why\ncreate index concurrently if not exists i on app.x (y);\n", True)
    assert timeout_problems("set lock_timeout = '5s';\ncreate index concurrently i on app.x (y);\n", True)


def test_a_new_revision_starts_with_timeouts_and_passes_both_linters(tmp_path):
    script = tmp_path / "0011_add_something.py"
    script.write_text("")
    created = newrevision.create_sql_files(script)
    assert [p.name for p in created] == ["0011_add_something.upgrade.sql", "0011_add_something.downgrade.sql"]
    assert newrevision.create_sql_files(script) == []  # never overwrites
    upgrade = created[0].read_text()
    assert timeout_problems(upgrade + "alter table app.courses add column note text;\n", False) == []
    for path in created:
        path.write_text(path.read_text() + "alter table app.courses add column note text;\n")
    squawk = subprocess.run([str(ROOT / ".venv" / "bin" / "squawk"), "--config", str(ROOT / ".squawk.toml"),
                             *map(str, created)], capture_output=True, text=True)
    assert squawk.returncode == 0, squawk.stdout + squawk.stderr
    fluff = subprocess.run([str(ROOT / ".venv" / "bin" / "sqlfluff"), "lint", "--config", str(ROOT / ".sqlfluff"),
                            *map(str, created)], capture_output=True, text=True, cwd=ROOT)
    assert fluff.returncode == 0, fluff.stdout + fluff.stderr


@pytest.mark.parametrize("kind", ["upgrade", "downgrade"])
def test_squawk_catches_a_blocking_index_in_a_new_revision(tmp_path, kind):
    path = tmp_path / f"0011_index.{kind}.sql"
    path.write_text(newrevision.HEADER.format(name="0011_index", kind=kind)
                    + "create index backups_created_at_idx on app.backups (created_at);\n")
    squawk = subprocess.run([str(ROOT / ".venv" / "bin" / "squawk"), "--config", str(ROOT / ".squawk.toml"),
                             str(path)], capture_output=True, text=True)
    assert squawk.returncode != 0
    assert "require-concurrent-index-creation" in squawk.stdout + squawk.stderr
