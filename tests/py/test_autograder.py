"""The autograder, both directions (issue #11, point 4), with real processes: a worker
process sends the batch to a small fake autograder (an HTTP server started here), which
does what 61A's does: it fetches each backup from the OK server (the Flask app on a real
socket) with the token it was given, posts a score, and answers /results. The scores then
appear on the grading page; the schedule re-sends what the autograder left stuck; the token
does nothing else; continuous autograding sends each submission as it arrives."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.py.conftest import scalar
from tests.py.live import LiveServer, csrf_token, signed_in_client
from tests.py.test_jobs import _start, _wait_for, course, web_client, workers  # noqa: F401 (fixtures)


class FakeAutograder:
    """okpy's autograder service, as far as OK sees it (ok-wire-contract.md, section 13)."""

    def __init__(self, ok_url: str, leave_unscored: int = 0):
        self.ok_url = ok_url
        self.leave_unscored = leave_unscored  # this many backups are never graded (stuck)
        self.batches: list[dict] = []
        self.continuous: list[dict] = []
        self.seen: list[tuple[str, int]] = []  # (what the fake tried with the token, status)
        self.jobs: dict[str, dict] = {}
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if self.path == "/api/ok/v3/grade/batch":
                    answer = fake.batch(body)
                elif self.path == "/results":
                    answer = {job: fake.jobs.get(job) and {"status": fake.jobs[job]["status"], "result": None}
                              for job in body}
                elif self.path == "/api/file/grade/continous":
                    fake.continuous.append(body)
                    answer = "OK"
                else:
                    self.send_error(404)
                    return
                data = (answer if isinstance(answer, str) else json.dumps(answer)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def batch(self, body: dict) -> dict:
        with self.lock:
            self.batches.append(body)
            ids = []
            for key in body["subm_ids"]:
                job = f"job-{len(self.jobs) + 1}"
                self.jobs[job] = {"status": "queued", "backup": key}
                ids.append(job)
        threading.Thread(target=self.grade, args=(ids, body["access_token"]), daemon=True).start()
        return {"jobs": ids}

    def grade(self, ids: list[str], token: str) -> None:
        """What the autograder does with a batch: fetch each backup, run it, post a score."""
        auth = {"Authorization": f"Bearer {token}"}
        for job in ids:
            if self.leave_unscored > 0:
                self.leave_unscored -= 1
                continue  # never picked up: stays queued
            key = self.jobs[job]["backup"]
            self.jobs[job]["status"] = "started"
            backup = requests.get(f"{self.ok_url}/api/v3/backups/{key}/", headers=auth, timeout=10)
            self.seen.append(("backup", backup.status_code))
            files = backup.json()["data"]["messages"][0]["contents"] if backup.status_code == 200 else {}
            scored = requests.post(f"{self.ok_url}/api/v3/score/", headers=auth, timeout=10, json={
                "bid": key, "kind": "Total", "score": len(files), "message": f"Autograded: {len(files)} file(s) ran"})
            self.seen.append(("score", scored.status_code))
            self.jobs[job]["status"] = "finished"
        # the token can do nothing else, even where its staff member could
        self.seen.append(("user", requests.get(f"{self.ok_url}/api/v3/user/", headers=auth, timeout=10).status_code))
        self.seen.append(("roster", requests.get(f"{self.ok_url}/api/v3/course/cal/cs61a/fa26/enrollment",
                                                 headers=auth, timeout=10).status_code))

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture
def ok_server(web_client):  # noqa: F811 (the fixture imported above)
    with LiveServer(web_client) as live:
        yield live.url


def _set_up(admin_conn, url: str, continuous: bool = False) -> None:
    with admin_conn.cursor() as cur:
        cur.execute("update app.courses set autograder_url = %s where offering = 'cal/cs61a/fa26'", (url,))
        cur.execute("update app.assignments set autograder_key = 'hw01', continuous_autograding = %s "
                    "where name = 'cal/cs61a/fa26/hw01'", (continuous,))
        # only the supervision runs from the schedule in these tests, when they say so
        cur.execute("update app.scheduled_tasks set next_run_at = now() + interval '1 hour'")


def _wait(condition, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"never: {what}"
        time.sleep(0.2)


def test_autograde_all_sends_the_finals_and_the_scores_come_back(course, admin_conn, workers, ok_server, web_client):  # noqa: F811
    fake = FakeAutograder(ok_server)
    try:
        _set_up(admin_conn, fake.url)
        # a TA presses "Autograde all final submissions" on the assignment page
        ta = signed_in_client(web_client, "ta@a.edu")
        page = ta.get("/staff/cal/cs61a/fa26/hw01/")
        assert "Autograde all final submissions" in page.get_data(as_text=True)
        answer = ta.post("/staff/cal/cs61a/fa26/hw01/autograde",
                         data={"csrf_token": csrf_token(page.get_data(as_text=True))})
        assert answer.status_code == 302 and "/staff/jobs/" in answer.headers["Location"]
        job = int(answer.headers["Location"].rstrip("/").split("/")[-1])
        workers()
        _wait_for(admin_conn, job, "status = 'finished'")
        _wait(lambda: len([s for s in fake.seen if s[0] == "score"]) == 2, "two scores posted")

        assert len(fake.batches) == 1
        sent = fake.batches[0]
        assert sent["assignment"] == "hw01" and sent["priority"] == "default" and sent["ok-server-version"] == "v3"
        finals = scalar(admin_conn, "select array_agg(app.hashid_encode(b.id) order by b.id) from app.backups b "
                        "join app.users u on u.id = b.submitter_id where b.submit and u.email like 's_@a.edu' "
                        "and b.assignment_id = (select id from app.assignments where name = 'cal/cs61a/fa26/hw01')")
        assert sent["subm_ids"] == finals, "each enrolled student's final submission, once"
        _wait(lambda: ("roster", 403) in fake.seen, "the token tried elsewhere")
        assert fake.seen.count(("backup", 200)) == 2 and fake.seen.count(("score", 200)) == 2
        assert ("user", 403) in fake.seen and ("roster", 403) in fake.seen, "the token reads backups and scores only"

        log = scalar(admin_conn, "select log from app.jobs where id = %s", (job,))
        assert f"POST {fake.url}/api/ok/v3/grade/batch: 2 backup(s)" in log and "answered 200: 2 job id(s)" in log
        assert sent["access_token"] not in log, "the token is never logged"

        # the scores appear on the grading page, and the assignment page says how it went
        grading = ta.get(f"/staff/cal/cs61a/fa26/hw01/grade/{finals[0]}/").get_data(as_text=True)
        assert "Autograded: 2 file(s) ran" in grading and "<strong>total</strong> 2" in grading
        with admin_conn.cursor() as cur:
            cur.execute("update app.scheduled_tasks set next_run_at = now() where name = 'autograder_supervise'")
        _wait(lambda: scalar(admin_conn, "select count(*) from app.autograder_tasks where status = 'scored'") == 2,
              "the schedule sees both scored")
        assert "Sent: 2 scored" in ta.get("/staff/cal/cs61a/fa26/hw01/").get_data(as_text=True)

        # an instructor revokes the autograder's access from the course settings
        instructor = signed_in_client(web_client, "instructor@a.edu")
        settings = instructor.get("/staff/cal/cs61a/fa26/settings").get_data(as_text=True)
        assert "Revoke the autograder" in settings and "ta@a.edu" in settings
        instructor.post("/staff/cal/cs61a/fa26/autograder-tokens/revoke", data={"csrf_token": csrf_token(settings)})
        assert "No live token" in instructor.get("/staff/cal/cs61a/fa26/settings").get_data(as_text=True)
        refused = requests.get(f"{ok_server}/api/v3/backups/{finals[0]}/",
                               headers={"Authorization": f"Bearer {sent['access_token']}"}, timeout=10)
        assert refused.status_code == 401, "a revoked token reads nothing"
    finally:
        fake.close()


def test_the_schedule_sends_a_stuck_backup_again(course, admin_conn, workers, ok_server):  # noqa: F811
    fake = FakeAutograder(ok_server, leave_unscored=1)
    try:
        _set_up(admin_conn, fake.url)
        job = _start(course, admin_conn, "ta@a.edu", "select api.start_autograde(%s)", ("cal/cs61a/fa26/hw01",))
        workers()
        _wait_for(admin_conn, job, "status = 'finished'")
        _wait(lambda: len([s for s in fake.seen if s[0] == "score"]) == 1, "one score posted")
        with admin_conn.cursor() as cur:  # half an hour later, one backup is still queued there
            cur.execute("update app.autograder_tasks set sent_at = sent_at - interval '31 minutes'")
            cur.execute("update app.scheduled_tasks set next_run_at = now() where name = 'autograder_supervise'")
        _wait(lambda: len(fake.batches) == 2, "the stuck backup sent again")
        first, again = fake.batches[0]["subm_ids"], fake.batches[1]["subm_ids"]
        assert again == first[:1], "only the stuck backup goes again"
        _wait(lambda: scalar(admin_conn, "select count(*) from app.autograder_tasks where status = 'scored' or "
                                         "(status = 'queued' and tries = 2)") == 2, "its second try recorded")
        log = scalar(admin_conn, "select log from app.jobs where name = 'autograder_supervise' "
                                 "order by id desc limit 1")
        assert f"POST {fake.url}/results" in log and "1 queued" in log
    finally:
        fake.close()


def test_continuous_autograding_sends_each_submission_as_it_arrives(course, admin_conn, workers, ok_server):  # noqa: F811
    fake = FakeAutograder(ok_server)
    try:
        _set_up(admin_conn, fake.url, continuous=True)
        workers()
        # a student's submission arrives (with its files, in one transaction)
        with admin_conn.cursor() as cur:
            cur.execute("with b as (insert into app.backups (assignment_id, course_id, submitter_id, submit) "
                        "select a.id, a.course_id, u.id, true from app.assignments a, app.users u "
                        "where a.name = 'cal/cs61a/fa26/hw01' and u.email = 's1@a.edu' returning id) "
                        "insert into app.messages (backup_id, kind, contents) select b.id, 'file_contents', %s from b",
                        (json.dumps({"hw01.py": "def square(x): return x * x"}),))
        _wait(lambda: fake.continuous, "the submission reached the autograder")
        assert fake.continuous[0] == {"assignment": "hw01", "file_contents": {"hw01.py": "def square(x): return x * x"},
                                      "submitter": "s1@a.edu", "emails": ["s1@a.edu"]}
        job = scalar(admin_conn, "select id from app.jobs where name = 'autograde_continuous'")
        _wait_for(admin_conn, job, "status = 'finished'")
        log = scalar(admin_conn, "select log from app.jobs where id = %s", (job,))
        assert f"POST {fake.url}/api/file/grade/continous: s1@a.edu's submission (1 file(s))" in log
        assert "answered 200: OK" in log
    finally:
        fake.close()
