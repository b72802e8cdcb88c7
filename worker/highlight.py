"""The worker highlights the code of queued submissions ahead of grading.

A grading task's backup will be opened by its grader: the worker takes the files of backups
with open tasks that have not been highlighted by this version of web.code_view
(api.highlight_backlog), highlights them exactly as the grading view would, and keeps the
lines (api.store_highlights, into app.highlighted_files); the grading view then shows them
without running Pygments (a 2,000-line submission's first view spent most of its 535 ms
there). Woken by NOTIFY okv3_highlight when tasks are made (see worker.outbox.main).
"""

from __future__ import annotations

import logging

from psycopg2.extras import Json

from web import code_view
from web.db import Database

WORKER_CLAIMS = {"role": "ok_worker", "actor": "worker"}
log = logging.getLogger("okv3.worker")


def highlight_once(db: Database, batch_size: int = 20) -> int:
    """Highlight one batch of the backlog. Returns how many files were in it."""
    with db.request(WORKER_CLAIMS, method="POST", path="/worker/highlight") as ctx:
        backlog = ctx.call("select api.highlight_backlog(highlighter => %s, batch_size => %s)",
                           (code_view.HIGHLIGHTER, batch_size)).fetchone()[0]
    if not backlog:
        return 0
    done = [{"filename": f["filename"], "contents": f["contents"],
             "lines": [str(line) for line in code_view.highlighted_lines(f["filename"], f["contents"])]}
            for f in backlog]
    with db.request(WORKER_CLAIMS, method="POST", path="/worker/highlight") as ctx:
        stored = ctx.call("select api.store_highlights(highlighter => %s, files => %s)",
                          (code_view.HIGHLIGHTER, Json(done))).fetchone()[0]
    log.info("highlight: %d files highlighted, %d kept", len(backlog), stored)
    return len(backlog)
