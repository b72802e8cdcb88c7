"""The autograder, outbound: the jobs that send work to a course's autograder and follow it.

What is sent, to whom, with which token, and when a task is stuck are decided in SQL
(sql/functions/autograder/); this module only speaks HTTP, as okpy/ok did
(ok-wire-contract.md, section 13):

* autograde (api.start_autograde): every final submission of an assignment, or one backup
  at high priority: POST <url>/api/ok/v3/grade/batch with {"subm_ids", "assignment",
  "access_token", "priority", "ok-server-version": "v3"}, 100 backups a request; the
  answer's job ids ({"jobs": [...]}, in order; the test key answers the text "OK") are
  recorded per backup (api.job_autograde_sent). The autograder then reads each backup
  (GET /api/v3/backups/<id>/) and posts its score (POST /api/v3/score/) with the token,
  which can do nothing else (auth.check_request).
* autograde_continuous (a submission as it arrives): POST <url>/api/file/grade/continous.
* autograder_supervise (every minute, from the schedule): POST <url>/results with the job ids
  still open, record the statuses, and send again what SQL says is stuck (3 tries in all).

Every request and answer is written to the job's log (never the token). A request that
fails (refused, timed out, a 5xx) fails the attempt: the job is retried with its backoff,
and what was already recorded as sent is not sent again.
Settings: OK_AUTOGRADER_TIMEOUT (seconds per request, 30).
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from typing import TYPE_CHECKING

from web import tokens

if TYPE_CHECKING:
    from worker.jobs import JobContext

BATCH_SIZE = 100  # backups per request (61A's ag-master batches 100)


class AutograderError(RuntimeError):
    """The autograder could not be reached or did not answer as expected."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an error here: the worker posts only to the URL staff set, never where
    an answer points it (another host, an internal address)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise urllib.error.HTTPError(req.full_url, code, f"redirect to {newurl} refused", headers, fp)


_OPENER = urllib.request.build_opener(_NoRedirects)


def _timeout() -> float:
    return float(os.environ.get("OK_AUTOGRADER_TIMEOUT", "30"))


def post_json(url: str, body: object, secret: str | None = None) -> tuple[int, bytes]:
    """POST a JSON body; (status, body) of a 2xx answer, else AutograderError (whose text
    never holds ``secret``, should the autograder echo the request)."""
    request = urllib.request.Request(  # noqa: S310 - the URL is an http(s) address (api.update_course checks)
        url, data=json.dumps(body).encode(), method="POST",
        headers={"Content-Type": "application/json", "User-Agent": "okv3-worker"})
    try:
        with _OPENER.open(request, timeout=_timeout()) as answer:
            return answer.status, answer.read(1_000_000)
    except urllib.error.HTTPError as exc:
        text = _preview(exc.read(2000) if exc.fp else exc.reason.encode(), secret=secret)
        raise AutograderError(f"{url} answered {exc.code}: {text}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise AutograderError(f"{url} could not be reached: {getattr(exc, 'reason', exc)}") from None


def _preview(body: bytes, limit: int = 300, secret: str | None = None) -> str:
    text = body.decode("utf-8", "replace").strip()
    if secret:
        text = text.replace(secret, "[token]")
    return text if len(text) <= limit else text[:limit] + f"… ({len(body):,} bytes)"


def _keys(tasks: list[dict]) -> str:
    shown = ", ".join(t["backup"] for t in tasks[:5])
    return shown + (f" and {len(tasks) - 5} more" if len(tasks) > 5 else "")


def send_plans(ctx: JobContext, plans: list[dict]) -> int:
    """Send each plan's tasks in batches and record the autograder's job ids; returns how
    many backups were sent."""
    sent = 0
    for plan in plans:
        url = f"{plan['url']}/api/ok/v3/grade/batch"
        token = tokens.sign(plan["claims"])
        tasks = plan["tasks"]
        for start in range(0, len(tasks), BATCH_SIZE):
            ctx.check()
            batch = tasks[start:start + BATCH_SIZE]
            ctx.log(f"POST {url}: {len(batch)} backup(s) ({_keys(batch)}), assignment {plan['key']!r}, "
                    f"priority {plan['priority']}")
            status, body = post_json(url, {
                "subm_ids": [t["backup"] for t in batch], "assignment": plan["key"], "access_token": token,
                "priority": plan["priority"], "ok-server-version": "v3",
            }, secret=token)
            remote_ids = _job_ids(body, len(batch), token)
            ctx.log(f"  answered {status}: " + (f"{len(remote_ids)} job id(s) ({', '.join(map(str, remote_ids[:5]))}"
                                                 f"{' …' if len(remote_ids) > 5 else ''})"
                                                 if any(remote_ids) else _preview(body, secret=token)))
            ctx.call("select api.job_autograde_sent(job_id => %s, worker => %s, sent => %s)",
                     (json.dumps([{"task": t["id"], "remote_id": r} for t, r in zip(batch, remote_ids, strict=True)]),))
            sent += len(batch)
            ctx.counted = sent
    return sent


def _job_ids(body: bytes, expected: int, secret: str | None = None) -> list[str | None]:
    """The autograder's job id for each backup, in order; None each for the test key's "OK"."""
    if body.strip() == b"OK":
        return [None] * expected
    try:
        jobs = json.loads(body)["jobs"]
    except (ValueError, KeyError, TypeError):
        raise AutograderError(f"the autograder's answer is not {{\"jobs\": [...]}}: "
                              f"{_preview(body, secret=secret)}") from None
    if not isinstance(jobs, list) or len(jobs) != expected:
        raise AutograderError(f"the autograder answered {len(jobs) if isinstance(jobs, list) else 'no'} job id(s) "
                              f"for {expected} backup(s)")
    return [None if job is None else str(job) for job in jobs]


def autograde(ctx: JobContext) -> str:
    plan = ctx.call("select api.job_autograde(job_id => %s, worker => %s)")
    if plan["already_sent"]:
        ctx.log(f"{plan['already_sent']} of {plan['total']} backup(s) were sent by an earlier attempt")
    if not plan["total"]:
        return "no final submissions to send"
    sent = send_plans(ctx, plan["plans"])
    return (f"sent {sent + plan['already_sent']} backup(s) to the autograder; the schedule follows them "
            "(the assignment page shows their state)")


def autograde_continuous(ctx: JobContext) -> str:
    plan = ctx.call("select api.job_autograde_continuous(job_id => %s, worker => %s)")
    if plan is None:
        return "not sent: continuous autograding is off now"
    url = f"{plan['url']}/api/file/grade/continous"  # sic: okpy/ok's spelling, which the autograder serves
    body = plan["body"]
    ctx.log(f"POST {url}: {body['submitter']}'s submission ({len(body['file_contents'])} file(s)), "
            f"assignment {body['assignment']!r}")
    status, answer = post_json(url, body)
    ctx.log(f"  answered {status}: {_preview(answer)}")
    return f"sent; the autograder answered {status}"


def autograder_supervise(ctx: JobContext) -> str:
    asked = ctx.call("select api.job_autograder_poll(job_id => %s, worker => %s)")
    statuses: list[dict] = []
    for group in asked:
        url = f"{group['url']}/results"
        remote = [t["remote_id"] for t in group["tasks"]]
        ctx.log(f"POST {url}: {len(remote)} job id(s)")
        try:
            status, body = post_json(url, remote)
            said = json.loads(body)
            if not isinstance(said, dict):
                raise AutograderError(f"the answer is not a JSON object: {_preview(body)}")
        except (AutograderError, ValueError) as exc:
            ctx.log(f"  no answer ({exc}); what is known stands")
            continue
        counts: dict[str, int] = {}
        for task in group["tasks"]:
            state = said.get(task["remote_id"])
            state = state.get("status") if isinstance(state, dict) else None
            statuses.append({"task": task["id"], "remote_id": task["remote_id"], "status": state})
            counts[state or "unknown"] = counts.get(state or "unknown", 0) + 1
        ctx.log(f"  answered {status}: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    outcome = ctx.call("select api.job_autograder_record(job_id => %s, worker => %s, statuses => %s)",
                       (json.dumps(statuses),))
    if outcome["gave_up"]:
        ctx.log(f"gave up {outcome['gave_up']} task(s) after 3 tries")
    resent = 0
    for plan in outcome["plans"]:  # one autograder that fails does not hold back the others
        try:
            resent += send_plans(ctx, [plan])
        except AutograderError as exc:
            ctx.log(f"  not sent ({exc}); tried again in 10 minutes")
    return f"asked about {len(statuses)} task(s); sent {resent} again; gave up {outcome['gave_up']}"
