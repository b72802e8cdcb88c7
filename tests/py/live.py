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


class Gunicorn:
    """The app under real gunicorn with web/gunicorn_conf.py, as `make run` and the Dockerfile
    start it, on a free port; `env` replaces the environment (no OK_ENV unless given)."""

    def __init__(self, env: dict, access_log: Path | None = None, workers: int = 1, threads: int = 2):
        self.port = free_port()
        self.env = env
        self.command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "python:web.gunicorn_conf",
                        "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers), "--threads", str(threads)]
        if access_log is not None:
            self.command += ["--access-logfile", str(access_log)]
        self.command.append("web.wsgi:app")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        for _ in range(150):
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited: " + self.process.stderr.read())
            try:
                if requests.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer /healthz")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
