"""Backups with a tested restore (issue #12, point 3): the restore drill (ops/restore_drill.py)
backs up a cluster of its own with pgBackRest (full, then incremental, WAL archived), writes
more, restores to a point in time into a fresh cluster, and compares every table's count and
checksum with the source at that time; the rows written after it must be absent."""

from __future__ import annotations

import subprocess
import sys

from web.settings import ROOT


def test_a_backup_restores_to_a_point_in_time():
    drill = subprocess.run([sys.executable, "-m", "ops.restore_drill"], cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    report = drill.stdout + drill.stderr
    assert drill.returncode == 0, report
    assert "full backup" in report and "incr backup" in report
    assert " 0 differ from the source at that time" in report, report
    assert "written after the target time are absent in the restore" in report, report
