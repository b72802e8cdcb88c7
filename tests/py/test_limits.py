"""Input limits and safe outputs of the API, each attack performed against the real app:
oversized and deeply nested backups, too many message kinds, non-finite scores, formula
injection in CSV exports, unsupported methods, and a body streamed through real gunicorn."""

from __future__ import annotations

import csv
import http.client
import io
import json
import os

import pytest
import requests

from tests.py import dbutil
from tests.py.conftest import scalar
from tests.py.live import Gunicorn
from web import create_app, tokens

BACKUPS = "/api/v3/backups/?client_name=ok-client&client_version=v1.18.1"
ASSIGNMENT = "cal/cs61a/fa26/hw01"
SECRET = "limits-test-secret-0123456789abcdefghijklmn"


@pytest.fixture
def app(db, admin_conn, monkeypatch):
    monkeypatch.setenv("OK_JWT_SECRET", SECRET)
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0])})
    yield app
    app.extensions["okv3_database"].close()


def bearer(admin_conn, email: str) -> dict:
    with admin_conn.cursor() as cur:
        cur.execute("select app.mint_token(id, 'ok-client', array['all'], 3600, 3600) from app.users "
                    "where email = %s", (email,))
        claims = cur.fetchone()[0]["claims"]
    return {"Authorization": "Bearer " + tokens.sign(claims, SECRET)}


def backups(conn) -> int:
    return scalar(conn, "select count(*) from app.backups")


def post_raw(client, headers: dict, body: bytes):
    return client.post(BACKUPS, data=body, headers=headers, content_type="application/json")


def test_a_backup_over_the_body_limit_gets_a_413_envelope(app, admin_conn):
    headers = bearer(admin_conn, "s1@a.edu")
    before = backups(admin_conn)
    filler = "x" * (10 * 1024 * 1024)  # 10 MiB of source: over the default limit with the JSON around it
    body = json.dumps({"assignment": ASSIGNMENT, "messages": {"file_contents": {"big.py": filler}}}).encode()
    refused = post_raw(app.test_client(), headers, body)
    assert refused.status_code == 413
    assert refused.json == {"code": 413, "data": {},
                            "message": "The request body is larger than the limit of 10485760 bytes (10 MiB)"}
    assert backups(admin_conn) == before
    small = json.dumps({"assignment": ASSIGNMENT, "messages": {"file_contents": {"a.py": filler[:1000]}}})
    assert post_raw(app.test_client(), headers, small.encode()).status_code == 200


def test_the_body_limit_is_a_setting(db, admin_conn, monkeypatch):
    monkeypatch.setenv("OK_JWT_SECRET", SECRET)
    monkeypatch.setenv("OK_MAX_BODY_BYTES", "2000")
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0])})
    try:
        body = json.dumps({"assignment": ASSIGNMENT, "messages": {"file_contents": {"a.py": "1" * 3000}}})
        refused = post_raw(app.test_client(), bearer(admin_conn, "s1@a.edu"), body.encode())
        assert refused.status_code == 413 and "limit of 2000 bytes" in refused.json["message"]
    finally:
        app.extensions["okv3_database"].close()


def test_json_nested_5000_levels_deep_gets_a_400_envelope(app, admin_conn):
    headers = bearer(admin_conn, "s1@a.edu")
    before = backups(admin_conn)
    deep = "[" * 5000 + "]" * 5000
    body = f'{{"assignment": "{ASSIGNMENT}", "messages": {{"analytics": {deep}}}}}'.encode()
    refused = post_raw(app.test_client(), headers, body)
    assert refused.status_code == 400
    assert refused.json == {"code": 400, "data": {}, "message": "The request body nests JSON deeper than 64 levels"}
    deeper = b'{"a": ' + b"[" * 1_000_000 + b"]" * 1_000_000 + b"}"  # no recursion anywhere
    assert post_raw(app.test_client(), headers, deeper).status_code == 400
    assert backups(admin_conn) == before


def test_the_intake_function_refuses_deep_messages_itself(app, admin_conn):
    """What PostgREST would pass on (it does not limit nesting): refused in SQL."""
    app.config["OK_MAX_JSON_DEPTH"] = 10_000
    nested = "[" * 70 + "]" * 70
    body = f'{{"assignment": "{ASSIGNMENT}", "messages": {{"analytics": {nested}}}}}'.encode()
    refused = post_raw(app.test_client(), bearer(admin_conn, "s1@a.edu"), body)
    assert refused.status_code == 400 and refused.json["message"] == (
        "Invalid argument: messages may not nest 64 or more levels deep")


def test_more_than_50_message_kinds_get_a_400_envelope(app, admin_conn):
    headers = bearer(admin_conn, "s1@a.edu")
    before = backups(admin_conn)
    kinds = {f"kind{n}": {"n": n} for n in range(51)}
    refused = app.test_client().post(BACKUPS, json={"assignment": ASSIGNMENT, "messages": kinds}, headers=headers)
    assert refused.status_code == 400
    assert refused.json == {"code": 400, "data": {}, "message": "Invalid argument: at most 50 message kinds per backup"}
    assert backups(admin_conn) == before
    del kinds["kind50"]
    assert app.test_client().post(BACKUPS, json={"assignment": ASSIGNMENT, "messages": kinds},
                                  headers=headers).status_code == 200


@pytest.mark.parametrize("body, message", [
    (b"[1, 2]", "The request body must be a JSON object"),
    (b'{"assignment": "x", "messages": {', "The request body is not valid JSON (unclosed object or array)"),
    (b'{"assignment": "x\x00"}', "The request body must be a JSON object"),
    (b'{"assignment": "x"} trailing', "The request body is not valid JSON (text after the object)"),
    (b'{"assignment": "x", "messages": {"a": tru}}', "invalid input syntax for type json"),
])
def test_malformed_bodies_get_a_400_envelope(app, admin_conn, body, message):
    refused = post_raw(app.test_client(), bearer(admin_conn, "s1@a.edu"), body)
    assert refused.status_code == 400 and refused.json["message"] == message and refused.json["data"] == {}


def test_the_body_reaches_the_database_byte_for_byte(app, admin_conn):
    """The raw body is bound as it is: quotes, backslashes, escapes and non-ASCII survive."""
    contents = "print('it''s')\n\\x \"quoted\" \\\\ \u00e9\u4e2d\U0001f600 '); drop table app.backups; --"
    body = json.dumps({"assignment": ASSIGNMENT, "messages": {"file_contents": {"a.py": contents}},
                       "submit": False}, ensure_ascii=False).encode()
    stored = post_raw(app.test_client(), bearer(admin_conn, "s1@a.edu"), body)
    assert stored.status_code == 200, stored.json
    assert scalar(admin_conn, "select m.contents ->> 'a.py' from app.messages m "
                              "where m.kind = 'file_contents' order by m.backup_id desc limit 1") == contents
    not_utf8 = post_raw(app.test_client(), bearer(admin_conn, "s1@a.edu"),
                        b'{"assignment": "' + ASSIGNMENT.encode() + b'", "messages": {"a": "\xff\xfe"}}')
    assert not_utf8.status_code == 400 and "UTF8" in not_utf8.json["message"]
    unknown = post_raw(app.test_client(), bearer(admin_conn, "s1@a.edu"), b'{"assignment": "x", "nope": 1}')
    assert unknown.status_code == 400 and unknown.json["message"] == "Unexpected argument: nope"


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/api/v3/backups/", "/api/v3/", "/api/v3/score/"])
def test_unsupported_methods_get_a_405_envelope(app, admin_conn, method, path):
    answer = app.test_client().open(path, method=method, headers=bearer(admin_conn, "s1@a.edu"), json={})
    assert answer.status_code == 405
    assert answer.json == {"code": 405, "data": {}, "message": "The method is not allowed for the requested URL."}
    assert method not in answer.headers["Allow"]


@pytest.mark.parametrize("form_value, json_value", [
    ("Infinity", '"Infinity"'), ("-Infinity", '"-Infinity"'), ("NaN", '"NaN"'), ("1e16", "1e16"), ("1e1000", "1e1000"),
])
def test_scores_must_be_finite(app, admin_conn, form_value, json_value):
    key = scalar(admin_conn, "select app.hashid_encode(b.id) from app.backups b join app.users u "
                             "on u.id = b.submitter_id where u.email = 's1@a.edu' and b.submit")
    before = scalar(admin_conn, "select count(*) from app.scores")
    headers = bearer(admin_conn, "ta@a.edu")
    as_form = app.test_client().post("/api/v3/score/", headers=headers,
                                     data={"bid": key, "kind": "total", "score": form_value, "message": "x"})
    assert as_form.status_code == 400
    assert as_form.json == {"code": 400, "data": {}, "message": "score must be a finite number between -1e15 and 1e15"}
    raw = f'{{"bid": "{key}", "kind": "total", "score": {json_value}, "message": "x"}}'
    as_json = app.test_client().post("/api/v3/score/", headers=headers, data=raw, content_type="application/json")
    assert as_json.status_code == 400 and as_json.json["code"] == 400
    assert scalar(admin_conn, "select count(*) from app.scores") == before
    fine = app.test_client().post("/api/v3/score/", headers=headers,
                                  json={"bid": key, "kind": "total", "score": -2.5, "message": "x"})
    assert fine.status_code == 200


def test_csv_exports_neutralise_formulas_but_keep_negative_scores(app, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"test\"}', false)")
        cur.execute("update app.users set name = '=HYPERLINK(\"http://evil.example\",\"x\")' where email = 's1@a.edu'")
        cur.execute("update app.enrollments e set sid = '-2+3+cmd|'' /C calc''!A0', section = '@SUM(1)' "
                    "from app.users u where u.id = e.user_id and u.email = 's1@a.edu'")
        cur.execute("update app.assignments set display_name = '+Homework', published_score_kinds = '{total}' "
                    "where name = %s", (ASSIGNMENT,))
        cur.execute(
            "insert into app.scores (backup_id, assignment_id, course_id, user_id, grader_id, kind, value) "
            "select b.id, b.assignment_id, b.course_id, b.submitter_id, null, 'total', -2.5 "
            "from app.backups b join app.users u on u.id = b.submitter_id where u.email = 's1@a.edu' and b.submit"
        )
    headers = bearer(admin_conn, "instructor@a.edu")
    roster = app.test_client().get("/api/v3/course/cal/cs61a/fa26/roster", headers=headers).json["data"]["roster"]
    row = next(r for r in csv.reader(io.StringIO(roster)) if r and r[0] == "s1@a.edu")
    assert row[1] == "'=HYPERLINK(\"http://evil.example\",\"x\")"
    assert row[2] == "'-2+3+cmd|' /C calc'!A0" and row[4] == "'@SUM(1)"
    grades = app.test_client().get("/api/v3/course/cal/cs61a/fa26/grades", headers=headers).json["data"]["grades"]
    table = list(csv.reader(io.StringIO(grades)))
    column = table[0].index("'+Homework (Total)")
    s1 = next(r for r in table if r and r[0] == "s1@a.edu")
    assert s1[1] == "'-2+3+cmd|' /C calc'!A0" and s1[column] == "-2.5"  # a numeric cell stays a number
    for cell in (c for r in table + list(csv.reader(io.StringIO(roster))) for c in r):
        assert cell[:1] not in ("=", "+", "@", "\t", "\r") and not (cell[:1] == "-" and cell != "-2.5"), cell


def test_maximum_size_uploads_through_gunicorn(db, admin_conn):
    """Real gunicorn (as make run starts it): a body at the limit is stored; one over it gets the
    413 envelope, which even a client that sends its whole body before reading (http.client)
    receives: the server reads and drops the refused body rather than resetting the connection."""
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    env = {k: v for k, v in os.environ.items() if not k.startswith("OK_")}
    env.update(OK_ENV="test", OK_JWT_SECRET=SECRET, OK_AUTHENTICATOR_URL=dbutil.authenticator_url_for(db[0]))
    headers = {**bearer(admin_conn, "s1@a.edu"), "Content-Type": "application/json"}
    envelope = json.dumps({"assignment": ASSIGNMENT, "messages": {"file_contents": {"big.py": ""}}}).encode()
    at_limit = envelope.replace(b'""', b'"' + b"x" * (10 * 1024 * 1024 - len(envelope)) + b'"')
    assert len(at_limit) == 10 * 1024 * 1024
    with Gunicorn(env) as server:
        stored = requests.post(server.url + BACKUPS, data=at_limit, headers=headers, timeout=120)
        assert stored.status_code == 200, stored.text
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        connection.request("POST", BACKUPS, body=at_limit + b" " * (3 * 1024 * 1024), headers=headers)
        over = connection.getresponse()
        assert over.status == 413 and json.loads(over.read())["code"] == 413
        connection.close()
    stored_length = scalar(admin_conn, "select length(contents ->> 'big.py') from app.messages "
                                       "order by backup_id desc limit 1")
    assert stored_length == 10 * 1024 * 1024 - len(envelope)
