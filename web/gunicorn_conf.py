"""gunicorn's settings, for every way OK v3 is served: `make run`, the Dockerfile and
docker-compose all start ``gunicorn -c python:web.gunicorn_conf ... web.wsgi:app``.

- The master checks the configuration before it starts any worker (``on_starting``): with
  OK_ENV unset or production and a missing, short or placeholder OK_JWT_SECRET or
  OK_SECRET_KEY it logs why and exits 1 ("Error: OK v3 refuses to start in production: ...").
- Buffers of 1 MiB and more are mapped and unmapped by malloc, never kept in its arenas
  (``mallopt(M_MMAP_THRESHOLD)``, set in the master and inherited by the forked workers): the
  few copies a maximum-size upload needs (web/jsonbody.py) go back to the system when the
  request ends instead of staying in each thread's arena (glibc raises the threshold after
  every large free by default, so 10 MiB bodies would otherwise be kept for good).
- The access log (stdout unless --access-logfile says otherwise) goes through
  ``RedactingLogger``: credentials in query strings (``access_token``, ``export_token``,
  ``refresh_token``, ``client_secret``, ``code``) are replaced by ``[redacted]`` in every atom of
  the line (request line, query, Referer, ...), and the Authorization and Cookie headers are
  never written, whatever ``access_log_format`` says.
- With PROMETHEUS_MULTIPROC_DIR set, a worker process that exits is marked dead for the
  metrics every process shares (``child_exit``; web/observability.py).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re

from gunicorn.glogging import Logger

from web import settings

accesslog = "-"
logger_class = "web.gunicorn_conf.RedactingLogger"

SECRET_PARAMETERS = ("access_token", "export_token", "refresh_token", "client_secret", "code")
_SECRET_IN_QUERY = re.compile(
    r"((?:^|[?&;]|%3[Ff]|%26)(?:" + "|".join(SECRET_PARAMETERS) + r")(?:=|%3[Dd]))[^&;\s\"]*",
    re.IGNORECASE,
)
_SECRET_HEADERS = ("{authorization}i", "{cookie}i", "{http_authorization}e", "{http_cookie}e")
REDACTED = "[redacted]"


def redact(value: str) -> str:
    """The text with the value of every credential query parameter replaced."""
    return _SECRET_IN_QUERY.sub(lambda m: m.group(1) + REDACTED, value)


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key, value in atoms.items():
            if key in _SECRET_HEADERS:
                atoms[key] = REDACTED
            elif isinstance(value, str):
                atoms[key] = redact(value)
        return atoms


M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
MMAP_THRESHOLD = 1 << 20


def _map_large_buffers() -> None:
    name = ctypes.util.find_library("c")
    try:
        ctypes.CDLL(name).mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    except (OSError, AttributeError, TypeError):
        pass  # not glibc: its defaults stand


_map_large_buffers()


def on_starting(server) -> None:
    _fresh_metrics_dir()
    try:
        if settings.environment() == "production":
            settings.check_production()
    except settings.ConfigurationError as exc:
        server.log.error("%s", exc)
        raise  # a RuntimeError: gunicorn prints "Error: <message>" and exits 1


def _fresh_metrics_dir() -> None:
    """PROMETHEUS_MULTIPROC_DIR, made and emptied before any worker starts: counters of an
    earlier run of the server would otherwise be added to this one's."""
    import os
    import pathlib

    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        path = pathlib.Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        for stale in path.glob("*.db"):
            stale.unlink()


def child_exit(server, worker) -> None:
    """Prometheus' multiprocess mode (PROMETHEUS_MULTIPROC_DIR, web/observability.py): an
    exited process's live gauges are dropped; its counters stay summed in."""
    import os

    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
