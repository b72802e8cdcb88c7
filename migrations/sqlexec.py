"""Run SQL text through the raw psycopg2 connection that alembic holds.

Why not ``op.execute``: it wraps strings in ``sqlalchemy.text()``, which reads
`` :word`` inside function bodies and literals as a bind parameter. A plain
psycopg2 ``cursor.execute(sql)`` with no parameters sends the text verbatim.

Offline (``alembic upgrade head --sql``) there is no connection: the text is written
verbatim into the script alembic prints, where psql runs it.
"""

from pathlib import Path

from alembic import op


def execute(sql: str) -> None:
    context = op.get_context()
    if context.as_sql:
        context.impl.static_output(sql.rstrip("\n") + "\n")
        return
    raw = op.get_bind().connection.driver_connection
    with raw.cursor() as cur:
        cur.execute(sql)


def execute_file(path: Path) -> None:
    """A revision's .upgrade.sql or .downgrade.sql, sent as it is on disk."""
    if op.get_context().as_sql:
        op.get_context().impl.static_output(f"-- migrations/{path.parent.name}/{path.name}")
    execute(path.read_text())


def execute_file_concurrently(path: Path) -> None:
    """For a revision of its own whose upgrade must run outside a transaction (create index
    concurrently): alembic commits the migration transaction before the block and begins a
    new one after it (offline it prints COMMIT; ... BEGIN;). The file holds ONE statement
    (several would share an implicit transaction); the session waits at most 5s for a lock
    while it runs. See docs/migrations.md, "Big tables"."""
    with op.get_context().autocommit_block():
        execute("set lock_timeout = '5s';")
        execute_file(path)
        execute("reset lock_timeout;")
