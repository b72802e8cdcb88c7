"""Load the demo course (sql/seed/demo.sql) into the database `make run` uses. Idempotent."""

from __future__ import annotations

import sys

import psycopg2

from web.settings import ROOT, database_url

SEED = ROOT / "sql" / "seed" / "demo.sql"


def main() -> int:
    with psycopg2.connect(database_url()) as conn, conn.cursor() as cur:
        cur.execute("set local role ok_owner")
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"seed\"}', true)")
        cur.execute(SEED.read_text())
        # the analytics snapshots show the demo at once, not at the worker's first refresh
        cur.execute("select analytics.refresh_snapshots()")
        for notice in conn.notices:
            print(notice.strip(), file=sys.stderr)
    print("seed: demo course ok/demo101/fa26 ready")
    return 0


if __name__ == "__main__":
    sys.exit(main())
