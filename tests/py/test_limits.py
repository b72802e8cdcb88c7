"""Input limits and safe outputs of the API, each attack performed against the real app."""

from __future__ import annotations

import pytest

from tests.py import dbutil
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


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/api/v3/backups/", "/api/v3/", "/api/v3/score/"])
def test_unsupported_methods_get_a_405_envelope(app, admin_conn, method, path):
    answer = app.test_client().open(path, method=method, headers=bearer(admin_conn, "s1@a.edu"), json={})
    assert answer.status_code == 405
    assert answer.json == {"code": 405, "data": {}, "message": "The method is not allowed for the requested URL."}
    assert method not in answer.headers["Allow"]
