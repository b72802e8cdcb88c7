"""The restore drill: prove that a backup restores, to a point in time, into a fresh cluster.

    python -m ops.restore_drill            (tests/py/test_restore_drill.py runs it)

On a scratch PostgreSQL 15 cluster of its own (scripts/pgcluster.sh with OK_PG_DATA), with
OK v3's schema and the demo course, archiving its WAL with pgBackRest (deploy/pgbackrest.conf
is the production configuration; this writes a local one of the same shape):

1. a full backup; more students' backups written; an incremental backup; more written;
2. the target time T: every table of ``app`` and ``auth`` is counted and checksummed
   (md5 of its rows in order), then more rows are written after T;
3. ``pgbackrest restore --type=time --target=T`` into a fresh data directory, started on
   another port, is counted and checksummed again: every table must match T exactly, and the
   rows written after T must be absent.

It prints what it did and exits 1 when anything differs. Everything lives in one scratch
folder (as root, one the cluster's user ``okv3pg`` can enter), removed at the end.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2

from web.settings import ROOT

PG_BIN = Path(os.environ.get("PG_BINDIR", "/usr/lib/postgresql/15/bin"))
STANZA = "drill"
AS_ROOT = os.geteuid() == 0

# Every table of the schemas that hold state, counted and checksummed in a stable order.
SNAPSHOT = """
select format('%s.%s', n.nspname, c.relname)
from pg_class as c join pg_namespace as n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and n.nspname in ('app', 'auth')
order by 1
"""


def _as_owner(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run as the cluster's owner: okv3pg as root (PostgreSQL and pgBackRest refuse root)."""
    if AS_ROOT:
        command = ["runuser", "-u", "okv3pg", "--", *command]
    return subprocess.run(command, cwd="/", capture_output=True, text=True, check=True, timeout=300, **kwargs)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _snapshot(url: str) -> dict[str, tuple[int, str]]:
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(SNAPSHOT)
        tables = [row[0] for row in cur.fetchall()]
        counts = {}
        for table in tables:
            schema, name = table.split(".")
            query = psycopg2.sql.SQL("select count(*), coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') "
                                     "from {}.{} as t")
            cur.execute(query.format(psycopg2.sql.Identifier(schema), psycopg2.sql.Identifier(name)))
            counts[table] = cur.fetchone()
    conn.close()
    return counts


def _write_backups(url: str, count: int, label: str) -> None:
    """More work, as students would send it: backups with their files, each unique."""
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("""
            with made as (
              insert into app.backups (assignment_id, course_id, submitter_id, submit)
              select a.id, a.course_id, e.user_id, false
              from generate_series(1, %s) as g
              cross join lateral (select * from app.assignments order by id limit 1) as a
              cross join lateral (select user_id from app.enrollments
                                  where course_id = a.course_id and role = 'student'
                                  order by user_id offset (g %% 10) limit 1) as e
              returning id
            )
            insert into app.messages (backup_id, kind, contents)
            select m.id, 'file_contents', jsonb_build_object('hw.py', format('# %%s %%s', %s::text, m.id))
            from made as m
        """, (count, label))
    conn.close()


def run() -> int:
    import psycopg2.sql  # noqa: F401 (psycopg2.sql used above)

    parent = Path("/var/lib/okv3pg-drills") if AS_ROOT else Path(tempfile.gettempdir())
    parent.mkdir(parents=True, exist_ok=True)
    if AS_ROOT:
        parent.chmod(0o755)
    base = Path(tempfile.mkdtemp(prefix="d", dir=parent))
    source, restored, socket_dir = base / "source", base / "restored", base / "s"
    script = str(ROOT / "scripts" / "pgcluster.sh")
    port, restored_port = _free_port(), _free_port()
    env = {**os.environ, "OK_PG_DATA": str(source), "OK_PG_PORT": str(port), "OK_ENV": "test"}
    env.pop("OK_AUTHENTICATOR_URL", None)
    started = time.monotonic()
    ok = False
    try:
        for path in (socket_dir, base / "repo", base / "log", base / "lock", base / "spool"):
            path.mkdir()
        if AS_ROOT:
            subprocess.run(["chown", "-R", "okv3pg", str(base)], check=True)
        url = subprocess.run([script, "start"], cwd=ROOT, env=env, capture_output=True, text=True, check=True,
                             timeout=300).stdout.strip().splitlines()[-1]
        env["DATABASE_URL"] = url
        subprocess.run([str(ROOT / ".venv" / "bin" / "alembic"), "upgrade", "head"], cwd=ROOT, env=env, check=True,
                       capture_output=True, timeout=300)
        subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "ops.seed"], cwd=ROOT, env=env, check=True,
                       capture_output=True, timeout=300)
        print(f"drill: source cluster on port {port}, migrated and seeded ({time.monotonic() - started:.1f} s)")

        conf = base / "pgbackrest.conf"
        conf.write_text(f"""[global]
repo1-path={base / "repo"}
repo1-retention-full=2
log-path={base / "log"}
lock-path={base / "lock"}
spool-path={base / "spool"}
log-level-console=warn
start-fast=y
compress-type=lz4

[{STANZA}]
pg1-path={source}
pg1-port={port}
pg1-socket-path={socket_dir}
pg1-user=postgres
""")
        if AS_ROOT:
            subprocess.run(["chown", "okv3pg", str(conf)], check=True)
        pgbackrest = ["pgbackrest", f"--config={conf}", f"--stanza={STANZA}"]
        with open(source / "postgresql.conf", "a") as settings:  # as in deploy/pgbackrest.conf's notes
            settings.write(f"unix_socket_directories = '{socket_dir}'\narchive_mode = on\n"
                           f"archive_command = 'pgbackrest --config={conf} --stanza={STANZA} archive-push %p'\n")
        subprocess.run([script, "restart", "fast"], cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
        _as_owner([*pgbackrest, "stanza-create"])
        _as_owner([*pgbackrest, "check"])
        _as_owner([*pgbackrest, "--type=full", "backup"])
        _write_backups(url, 200, "after the full backup")
        _as_owner([*pgbackrest, "--type=incr", "backup"])
        _write_backups(url, 200, "after the incremental backup")

        expected = _snapshot(url)
        with psycopg2.connect(url) as conn, conn.cursor() as cur:
            # pgBackRest's form: YYYY-MM-DD HH:MM:SS.ffffff+00
            cur.execute("select to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
            target = cur.fetchone()[0]
        conn.close()
        time.sleep(1.1)
        _write_backups(url, 300, "after the target time")
        _as_owner([*pgbackrest, "check"])  # switches the WAL and waits for it to be archived
        later = _snapshot(url)
        info = json.loads(_as_owner([*pgbackrest, "--output=json", "info"]).stdout)[0]
        for backup in info["backup"]:
            size, stored = backup["info"]["size"] / 1e6, backup["info"]["repository"]["delta"] / 1e6
            print(f"drill: {backup['type']} backup {backup['label']}: {size:.1f} MB of database, {stored:.1f} MB "
                  f"stored, {backup['timestamp']['stop'] - backup['timestamp']['start']} s")

        restored.mkdir()
        restored.chmod(0o700)
        if AS_ROOT:
            subprocess.run(["chown", "okv3pg", str(restored)], check=True)
        _as_owner([*pgbackrest, f"--pg1-path={restored}", "--type=time", f"--target={target}",
                   "--target-action=promote", "restore"])
        _as_owner([str(PG_BIN / "pg_ctl"), "-D", str(restored), "-l", str(restored / "server.log"), "-w", "-t", "120",
                   "-o", f"-p {restored_port} -c archive_mode=off -c unix_socket_directories=''", "start"])
        restored_url = f"postgresql://postgres@127.0.0.1:{restored_port}/ok"
        # it answers (read only) while it replays the WAL: wait for the target and the promotion
        deadline = time.monotonic() + 120
        while True:
            with psycopg2.connect(restored_url) as conn, conn.cursor() as cur:
                cur.execute("select pg_is_in_recovery()")
                recovering = cur.fetchone()[0]
            conn.close()
            if not recovering:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("the restored cluster never finished recovery")
            time.sleep(0.2)
        got = _snapshot(restored_url)
        differ = sorted(t for t in expected if got.get(t) != expected[t])
        rows = sum(count for count, _ in expected.values())
        print(f"drill: restored to {target} on port {restored_port}: {len(expected)} tables, "
              f"{rows:,} rows; {len(differ)} differ from the source at that time")
        after = later["app.backups"][0] - expected["app.backups"][0]
        print(f"drill: the {after} backups written after the target time are "
              f"{'PRESENT' if got['app.backups'][0] == later['app.backups'][0] else 'absent'} in the restore")
        for table in differ:
            print(f"drill: {table}: expected {expected[table]}, restored {got.get(table)}")
        ok = not differ and after > 0
        print(f"drill: {'passed' if ok else 'FAILED'} in {time.monotonic() - started:.1f} s")
    except subprocess.CalledProcessError as exc:
        print(f"drill: {' '.join(map(str, exc.cmd))} failed: {exc.stderr or exc.stdout}", file=sys.stderr)
    finally:
        if (restored / "postmaster.pid").exists():
            subprocess.run(["runuser", "-u", "okv3pg", "--"] * AS_ROOT + [str(PG_BIN / "pg_ctl"), "-D", str(restored),
                           "-m", "immediate", "stop"], cwd="/", capture_output=True, timeout=120)
        subprocess.run([script, "stop"], cwd=ROOT, env=env, capture_output=True, timeout=120)
        if ok or not os.environ.get("OK_DRILL_KEEP"):
            shutil.rmtree(base, ignore_errors=True)
        else:
            print(f"drill: kept {base} (OK_DRILL_KEEP)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(run())
