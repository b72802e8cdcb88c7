"""deploy/nginx.conf: generated from the route table, valid for `nginx -t`, and, run for real
in front of the /rpc stand-in, it turns ok-client's URLs into the same answers the shim gives."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest
import requests

from tests.py import dbutil
from tests.py.live import LiveServer, free_port
from web import create_app
from web.api_v3 import nginx
from web.settings import ROOT

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONF = ROOT / "deploy" / "nginx.conf"
SECRET = "nginx-test-secret-0123456789abcdefghijklmn"


def test_the_committed_config_is_the_generated_one():
    assert CONF.read_text() == nginx.render(), "run: python -m web.api_v3.nginx > deploy/nginx.conf"


def test_nginx_accepts_the_config(tmp_path):
    result = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(CONF)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


@pytest.fixture
def stack(db, admin_conn, tmp_path, monkeypatch):
    monkeypatch.setenv("OK_JWT_SECRET", SECRET)
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0])})
    with LiveServer(app) as backend:
        port = free_port()
        conf = tmp_path / "nginx.conf"
        conf.write_text(nginx.render(postgrest=backend.url, web=backend.url, listen=f"127.0.0.1:{port}"))
        proc = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
                                stderr=subprocess.PIPE)
        try:
            for _ in range(50):
                try:
                    requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                    break
                except requests.ConnectionError:
                    time.sleep(0.1)
            yield f"http://127.0.0.1:{port}", backend.url
        finally:
            proc.terminate()
            proc.wait(10)
    app.extensions["okv3_database"].close()


def _token(db_url: str, email: str) -> str:
    import os

    env = dict(os.environ, DATABASE_URL=db_url, OK_JWT_SECRET=SECRET)
    env.pop("OK_AUTHENTICATOR_URL", None)
    return subprocess.run([str(ROOT / ".venv/bin/okadmin"), "token", "issue", email], env=env,
                          capture_output=True, text=True, check=True).stdout.strip()


def test_nginx_maps_client_urls_onto_rpc_calls(stack, db):
    through_nginx, shim = stack
    student = _token(db[1], "s1@a.edu")
    reader = _token(db[1], "reader@a.edu")
    bearer = {"Authorization": f"Bearer {student}"}
    # The hot path, with the client's query string and Bearer header.
    posted = requests.post(
        f"{through_nginx}/api/v3/backups/?client_name=ok-client&client_version=v1.18.1", headers=bearer,
        json={"assignment": "cal/cs61a/fa26/hw01", "messages": {"file_contents": {"a.py": "1"}}, "submit": True},
        timeout=10,
    )
    assert posted.status_code == 200, posted.text
    key = posted.json()["data"]["key"]
    # Path parts (<key>), ?access_token= and the recorded client name all arrive.
    fetched = requests.get(f"{through_nginx}/api/v3/backups/{key}/?access_token={reader}", timeout=10).json()
    assert fetched["data"]["submitter"]["email"] == "s1@a.edu"
    # The same URLs through the shim answer the same.
    paths = [
        "/api/v3/assignment/cal/cs61a/fa26/hw01",
        "/api/v3/assignment/cal/cs61a/fa26/hw01/export/s1@a.edu?limit=1",
        "/api/v3/user/",
        "/api/v3/version/ok-client",
        "/api/v3/course/cal/cs61a/fa26/assignments",
        "/api/v3/assignment/cal/cs61a/fa26/hw01?envelope=false",
    ]
    for path in paths:
        a = requests.get(through_nginx + path, headers=bearer, timeout=10)
        b = requests.get(shim + path, headers=bearer, timeout=10)
        assert (a.status_code, a.json()) == (b.status_code, b.json()), path
    exported = requests.get(f"{through_nginx}{paths[1]}", headers=bearer, timeout=10).json()["data"]
    assert exported["limit"] == 1 and exported["count"] == 3
    assert "code" not in requests.get(through_nginx + paths[5], headers=bearer, timeout=10).json()
    # Unknown API paths answer in the envelope; pages go to the web app.
    missing = requests.get(f"{through_nginx}/api/v3/nope", timeout=10)
    assert missing.status_code == 404 and missing.json()["code"] == 404
    assert requests.get(f"{through_nginx}/healthz", timeout=10).text == "OK\n"


def test_nginx_answers_unsupported_methods_and_oversized_bodies_in_the_envelope(stack, db):
    through_nginx, shim = stack
    for method in ("PUT", "DELETE"):
        for path in ("/api/v3/backups/", "/api/v3/user/"):
            a = requests.request(method, through_nginx + path, timeout=10)
            b = requests.request(method, shim + path, timeout=10)
            assert a.status_code == b.status_code == 405, (method, path)
            assert a.json()["code"] == b.json()["code"] == 405 and a.json()["data"] == {}
    assert requests.head(through_nginx + "/api/v3/user/", timeout=10).status_code == 401  # HEAD is a GET
    student = _token(db[1], "s1@a.edu")
    too_big = b'{"assignment": "cal/cs61a/fa26/hw01", "messages": {"a": "' + b"x" * (10 * 1024 * 1024) + b'"}}'
    refused = requests.post(f"{through_nginx}/api/v3/backups/", data=too_big, timeout=30,
                            headers={"Authorization": f"Bearer {student}", "Content-Type": "application/json"})
    assert refused.status_code == 413 and refused.headers["Content-Type"] == "application/json"
    assert refused.json() == {"code": 413, "message": "The request body is larger than the limit of 10485760 bytes",
                              "data": {}}
