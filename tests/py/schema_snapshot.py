"""The committed schema snapshot (migrations/schema.sql) and the drift check against it.

`make schema-snapshot` rewrites the snapshot from a database migrated from empty; review
its diff with the migration that caused it. The test suite fails when a freshly migrated
database differs from the snapshot: the schema was edited without a migration, or a
migration without its snapshot.
"""

from __future__ import annotations

import difflib
import sys

from tests.py import dbutil
from web.settings import ROOT

SNAPSHOT = ROOT / "migrations" / "schema.sql"


def drift(actual: str, expected: str | None = None) -> str:
    """A unified diff between the snapshot and a dump; empty when they agree."""
    expected = SNAPSHOT.read_text() if expected is None else expected
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            "migrations/schema.sql", "migrated database",
        )
    )


def main() -> int:
    name = "okv3_snapshot"
    url = dbutil.create_empty(name)
    try:
        dbutil.migrate(url)
        dump = dbutil.dump_schema(url)
    finally:
        dbutil.drop(name)
    if "--write" in sys.argv:
        SNAPSHOT.write_text(dump)
        print(f"wrote {SNAPSHOT.relative_to(ROOT)}")
        return 0
    diff = drift(dump)
    print(diff or "schema matches the snapshot")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
