"""The worker highlights the code of queued submissions ahead of grading.

A grading task's backup will be opened by its grader: the worker goes through the open
tasks, a batch at a time (api.highlight_backlog), takes the files that this version of
web.code_view has not highlighted yet, highlights them exactly as the grading view would,
and keeps the lines (api.store_highlights, into app.highlighted_files); the grading view then
shows them without running Pygments (a 2,000-line submission's first view spent most of its
535 ms there). A pass runs when the worker starts and whenever new tasks wake it (NOTIFY
okv3_highlight; see worker.outbox.main). A file that fails to highlight is logged and left to
the page, never allowed to stop the worker.
"""

from __future__ import annotations

import logging

from psycopg2.extras import Json

from web import code_view
from web.db import Database

WORKER_CLAIMS = {"role": "ok_worker", "actor": "worker"}
log = logging.getLogger("okv3.worker")


def _highlighted(file: dict) -> dict | None:
    try:
        lines = [str(line) for line in code_view.highlighted_lines(file["filename"], file["contents"])]
    except Exception:  # a lexer's bug must not stop the pass: the page highlights the file itself
        log.exception("highlight: %s failed; the page will highlight it", file["filename"])
        return None
    return {"filename": file["filename"], "contents": file["contents"], "lines": lines}


def highlight_pass(db: Database, batch_size: int = 50) -> int:
    """One pass through the open grading tasks. Returns how many files were highlighted."""
    after, highlighted = 0, 0
    while after is not None:
        with db.request(WORKER_CLAIMS, method="POST", path="/worker/highlight") as ctx:
            backlog = ctx.call("select api.highlight_backlog(highlighter => %s, batch_size => %s, after_task => %s)",
                               (code_view.HIGHLIGHTER, batch_size, after)).fetchone()[0]
        after = backlog["last_task"]
        done = [lit for lit in map(_highlighted, backlog["files"]) if lit is not None]
        if done:
            with db.request(WORKER_CLAIMS, method="POST", path="/worker/highlight") as ctx:
                ctx.call("select api.store_highlights(highlighter => %s, files => %s)",
                         (code_view.HIGHLIGHTER, Json(done)))
            highlighted += len(done)
    if highlighted:
        log.info("highlight: %d files highlighted ahead of grading", highlighted)
    return highlighted
