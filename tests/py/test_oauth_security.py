"""Attacks on the OAuth provider, performed through the real app: a stolen authorization code
redeemed without its PKCE verifier, a public client without PKCE, someone else's code shown
on /oauth/code, and a sign-out forged with a GET."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.py import dbutil
from tests.py.live import client_sign_in, csrf_token
from web import create_app

OOB = "urn:ietf:wg:oauth:2.0:oob"
LOOPBACK = "http://127.0.0.1:6165/"
OK_CLIENT_SECRET = "EWKtcCp5nICeYgVyCPypjs3aLORqQ3H"


@pytest.fixture
def app(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute(
            "insert into auth.oauth_clients (client_id, name, secret_hash, is_confidential, redirect_uris, active) "
            "values ('public-cli', 'A public CLI', '', false, array['http://127.0.0.1:7000/cb'], true)"
        )
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    yield app
    app.extensions["okv3_database"].close()


def challenge_of(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def authorize(client, **params):
    """Consent as the signed-in user; the redirect (unfollowed)."""
    query = urlencode({"response_type": "code", "scope": "all", "state": "st", **params})
    page = client.get(f"/oauth/authorize?{query}")
    assert page.status_code == 200, page.get_data(as_text=True)
    return client.post(f"/oauth/authorize?{query}", data={"csrf_token": csrf_token(page.get_data(as_text=True)),
                                                           "confirm": "yes"})


def code_from(redirect) -> str:
    return parse_qs(urlsplit(redirect.location).query)["code"][0]


def exchange(client, code: str, redirect_uri: str, **extra):
    return client.post("/oauth/token", data={"grant_type": "authorization_code", "code": code,
                                             "redirect_uri": redirect_uri, **extra})


def test_a_code_issued_with_a_pkce_challenge_needs_its_verifier(app):
    client = app.test_client()
    client_sign_in(client, "s1@a.edu")
    verifier = secrets.token_urlsafe(48)
    ok_client = {"client_id": "ok-client", "client_secret": OK_CLIENT_SECRET}
    pkce = {"client_id": "ok-client", "redirect_uri": LOOPBACK, "code_challenge": challenge_of(verifier),
            "code_challenge_method": "S256"}
    # The attack: a code intercepted on its way to the loopback redirect, redeemed with the
    # (public, shipped-in-the-client) secret but without the verifier only the real client has.
    stolen = code_from(authorize(client, **pkce))
    refused = exchange(client, stolen, LOOPBACK, **ok_client)
    assert refused.status_code == 400 and refused.json["error"] == "invalid_grant"
    wrong = exchange(client, code_from(authorize(client, **pkce)), LOOPBACK, code_verifier=secrets.token_urlsafe(48),
                     **ok_client)
    assert wrong.status_code == 400 and wrong.json["error"] == "invalid_grant"
    good = exchange(client, code_from(authorize(client, **pkce)), LOOPBACK, code_verifier=verifier, **ok_client)
    assert good.status_code == 200 and good.json["token_type"] == "Bearer"
    # "plain" is refused: it would hand the secret to whoever saw the authorization request.
    plain = authorize(client, **{**pkce, "code_challenge": verifier[:43], "code_challenge_method": "plain"})
    assert parse_qs(urlsplit(plain.location).query)["error"] == ["invalid_request"]
    # ok-client 1.18.1 sends no challenge, and stays confidential: it still signs in.
    legacy = exchange(client, code_from(authorize(client, client_id="ok-client", redirect_uri=LOOPBACK)), LOOPBACK,
                      **ok_client)
    assert legacy.status_code == 200


def test_a_public_client_must_use_pkce(app, admin_conn):
    client = app.test_client()
    client_sign_in(client, "s1@a.edu")
    redirect_uri = "http://127.0.0.1:7000/cb"
    refused = authorize(client, client_id="public-cli", redirect_uri=redirect_uri)
    query = parse_qs(urlsplit(refused.location).query)
    assert refused.location.startswith(redirect_uri)
    assert query["error"] == ["invalid_request"] and "code challenge required" in query["error_description"][0]
    with admin_conn.cursor() as cur:
        cur.execute("select count(*) from auth.oauth_grants where client_id = 'public-cli'")
        assert cur.fetchone()[0] == 0
    verifier = secrets.token_urlsafe(48)
    pkce = {"client_id": "public-cli", "redirect_uri": redirect_uri, "code_challenge": challenge_of(verifier),
            "code_challenge_method": "S256"}
    without = exchange(client, code_from(authorize(client, **pkce)), redirect_uri, client_id="public-cli")
    assert without.status_code == 400 and without.json["error"] == "invalid_grant"
    issued = exchange(client, code_from(authorize(client, **pkce)), redirect_uri, client_id="public-cli",
                      code_verifier=verifier)
    assert issued.status_code == 200, issued.json
    me = client.get("/api/v3/user/", headers={"Authorization": f"Bearer {issued.json['access_token']}"})
    assert me.json["data"]["email"] == "s1@a.edu"


def test_the_code_page_shows_only_the_signed_in_users_own_unused_code(app):
    attacker, victim = app.test_client(), app.test_client()
    client_sign_in(attacker, "s2@a.edu")
    shown = authorize(attacker, client_id="ok-client", redirect_uri=OOB)
    page = attacker.get(shown.location)
    code = re.search(r'id="code">(\w+)<', page.get_data(as_text=True)).group(1)
    # The attack: the victim opens a link carrying the attacker's code, and would paste it into
    # their ok, signing their client in to the attacker's account.
    client_sign_in(victim, "s1@a.edu")
    for url in (f"/oauth/code?code={code}", "/oauth/code"):
        page = victim.get(url)
        assert page.status_code == 404 and code not in page.get_data(as_text=True)
    stranger = app.test_client().get(f"/oauth/code?code={code}")
    assert stranger.status_code == 302 and "/login/" in stranger.location
    # Its owner sees it until it is spent; it never travels in a URL, and is not cached.
    assert shown.location == "/oauth/code" and page.headers["Cache-Control"] == "no-store"
    assert code in attacker.get("/oauth/code").get_data(as_text=True)
    spent = exchange(attacker, code, OOB, client_id="ok-client", client_secret=OK_CLIENT_SECRET)
    assert spent.status_code == 200
    assert attacker.get("/oauth/code").status_code == 404


def test_use_a_different_account_signs_out_only_by_post_with_the_csrf_token(app):
    client = app.test_client()
    client_sign_in(client, "s1@a.edu")
    query = urlencode({"client_id": "ok-client", "redirect_uri": OOB, "response_type": "code"})
    # The attack: an <img src> or link to the GET URL signing a user out (or, chained, into an
    # account of the attacker's choosing).
    forged = client.get(f"/oauth/reauthenticate?{query}")
    assert forged.status_code == 405
    assert client.post(f"/oauth/reauthenticate?{query}").status_code == 400
    assert "s1@a.edu" in client.get("/").get_data(as_text=True), "still signed in"
    consent = client.get(f"/oauth/authorize?{query}")
    html = consent.get_data(as_text=True)
    assert 'action="/oauth/reauthenticate?' in html and "<form" in html
    signed_out = client.post(f"/oauth/reauthenticate?{query}", data={"csrf_token": csrf_token(html)})
    assert signed_out.status_code == 302 and signed_out.location.startswith("/oauth/authorize?")
    assert "/login/" in client.get(signed_out.location).location
