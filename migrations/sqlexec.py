"""Run SQL text through the raw psycopg2 connection that alembic holds.

Why not ``op.execute``: it wraps strings in ``sqlalchemy.text()``, which reads
`` :word`` inside function bodies and literals as a bind parameter. A plain
psycopg2 ``cursor.execute(sql)`` with no parameters sends the text verbatim.
"""

from pathlib import Path

from alembic import op


def execute(sql: str) -> None:
    raw = op.get_bind().connection.driver_connection
    with raw.cursor() as cur:
        cur.execute(sql)


def execute_file(path: Path) -> None:
    execute(path.read_text())
