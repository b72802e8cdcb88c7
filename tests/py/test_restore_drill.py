"""Backups with a tested restore (issue #12, point 3): the restore drill (ops/restore_drill.py)
backs up a cluster of its own with pgBackRest (full, then incremental, WAL archived), writes
more, restores to a point in time into a fresh cluster, and compares every table's count and
checksum with the source at that time; the rows written after it must be absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from web.settings import ROOT


def test_a_backup_restores_to_a_point_in_time():
    drill = subprocess.run([sys.executable, "-m", "ops.restore_drill"], cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    report = drill.stdout + drill.stderr
    assert drill.returncode == 0, report
    assert "full backup" in report and "incr backup" in report
    assert " 0 differ from the source at that time" in report, report
    assert "written after the target time are absent in the restore" in report, report


def test_the_private_cluster_is_backed_up_by_make_backup(tmp_path):
    """scripts/pgbackrest.sh (make backup) on a private cluster of its own: a copy of the
    scripts in a fresh folder is a checkout of its own to pgcluster.sh (its own port, its own
    data), so this disturbs no other test's cluster."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "scripts", checkout / "scripts")
    (checkout / ".run").mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("OK_PG_DATA", "OK_PG_PORT", "DATABASE_URL")}

    def run(*args: str) -> str:
        done = subprocess.run([str(checkout / "scripts" / args[0]), *args[1:]], cwd=checkout, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    try:
        run("pgcluster.sh", "start")
        assert "archiving the cluster's WAL" in run("pgbackrest.sh", "setup")
        assert "full backup:" in run("pgbackrest.sh", "full")
        incremental = run("pgbackrest.sh", "incr")
        assert "incr backup:" in incremental and "backup reference list" in incremental
        run("pgcluster.sh", "stop")
        run("pgcluster.sh", "start")  # the socket folder under /tmp is made again if need be
        run("pgbackrest.sh", "check")
    finally:
        conf = subprocess.run([str(checkout / "scripts" / "pgbackrest.sh"), "conf"], cwd=checkout, env=env,
                              capture_output=True, text=True, timeout=60).stdout.strip()
        port = subprocess.run([str(checkout / "scripts" / "pgcluster.sh"), "port"], cwd=checkout, env=env,
                              capture_output=True, text=True, timeout=60).stdout.strip()
        subprocess.run([str(checkout / "scripts" / "pgcluster.sh"), "stop"], cwd=checkout, env=env,
                       capture_output=True, timeout=120)
        if conf:
            shutil.rmtree(Path(conf).parent, ignore_errors=True)
        shutil.rmtree(f"/tmp/okv3pg-{port}", ignore_errors=True)
        # as root the cluster lived outside the checkout (pgcluster.sh: its path's checksum)
        checksum = subprocess.run(["cksum"], input=str(checkout), capture_output=True, text=True).stdout.split()[0]
        shutil.rmtree(f"/var/lib/okv3pg/{checksum}", ignore_errors=True)
