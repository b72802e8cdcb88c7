"""Helpers for end-to-end tests: the app served on 127.0.0.1, a browser-like session that
signs in through the development login, and the real ok-client in its own venv."""

from __future__ import annotations

import json
import os
import pickle
import re
import socket
import subprocess
import threading
import time
from pathlib import Path

import requests
from werkzeug.serving import make_server

from web.settings import ROOT

OK = ROOT / ".okpy" / "bin" / "ok"
OK_CLIENT_SECRET = "EWKtcCp5nICeYgVyCPypjs3aLORqQ3H"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """The Flask app on a real socket, in a thread of the test process."""

    def __init__(self, app):
        self.port = free_port()
        self.server = make_server("127.0.0.1", self.port, app, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(5)


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def client_sign_in(client, email: str):
    """Sign a Flask test client in through the development login; the login's response."""
    page = client.get("/login/")
    return client.post("/login/dev", data={"csrf_token": csrf_token(page.get_data(as_text=True)), "email": email})


def signed_in_client(app, email: str):
    client = app.test_client()
    client_sign_in(client, email)
    return client


def browser_sign_in(session: requests.Session, base: str, email: str) -> None:
    page = session.get(f"{base}/login/")
    session.post(f"{base}/login/dev", data={"csrf_token": csrf_token(page.text), "email": email})


def consent(session: requests.Session, authorize_url: str) -> requests.Response:
    """Open an authorization URL in a signed-in session and press Allow; the redirect to the
    client is returned unfollowed."""
    page = session.get(authorize_url)
    page.raise_for_status()
    return session.post(page.url, data={"csrf_token": csrf_token(page.text), "confirm": "yes"},
                        allow_redirects=False)


def seed_token_cache(home: Path, access_token: str, refresh_token: str = "unused", expires_in: int = 31536000):
    """ok-client 1.18.1's token cache: a pickle in ~/.config/ok/auth_refresh."""
    directory = home / ".config" / "ok"
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / "auth_refresh", "wb") as cache:
        pickle.dump({"access_token": access_token, "expires_at": int(time.time()) + expires_in,
                     "refresh_token": refresh_token}, cache)


def read_token_cache(home: Path) -> dict:
    with open(home / ".config" / "ok" / "auth_refresh", "rb") as cache:
        return pickle.load(cache)


def run_ok(workdir: Path, home: Path, server: str, *args: str, stdin: str | None = None,
           browser: str = "false", timeout: int = 120) -> subprocess.CompletedProcess:
    """The real client, headless: always --insecure --no-update, never --autobackup."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OK_", "PYTHON"))}
    env.update(HOME=str(home), BROWSER=browser)
    command = ["timeout", str(timeout), str(OK), "--server", server, "--insecure", "--no-update", *args]
    return subprocess.run(command, cwd=workdir, env=env, input=stdin if stdin is not None else "",
                          capture_output=True, text=True, timeout=timeout + 10)


def make_assignment_dir(path: Path, endpoint: str) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "hw.py").write_text('def square(x):\n    """\n    >>> square(3)\n    9\n    """\n    return x * x\n')
    config = {"name": "Homework", "endpoint": endpoint, "src": ["hw.py"],
              "tests": {"hw.py:square": "doctest"}, "default_tests": ["square"]}
    (path / "hw.ok").write_text(json.dumps(config))
    return path
