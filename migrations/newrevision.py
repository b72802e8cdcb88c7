"""Post-write hook of `alembic revision` (see alembic.ini): the new revision's SQL files.

`alembic revision -m "..."` renders migrations/script.py.mako into <rev>_<slug>.py, then
runs `python -m migrations.newrevision <that file>`, which creates <rev>_<slug>.upgrade.sql
and <rev>_<slug>.downgrade.sql beside it (never overwriting), each starting with the
timeouts every new revision sets (tests/py/test_migrations.py and squawk check them).
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = """\
-- {name}: {kind}. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

"""


def create_sql_files(script: Path) -> list[Path]:
    created = []
    for kind in ("upgrade", "downgrade"):
        target = script.with_suffix(f".{kind}.sql")
        if not target.exists():
            target.write_text(HEADER.format(name=script.stem, kind=kind))
            created.append(target)
    return created


if __name__ == "__main__":
    for path in create_sql_files(Path(sys.argv[1])):
        print(f"  Generating {path}")
