"""gunicorn's settings, for every way OK v3 is served: `make run`, the Dockerfile and
docker-compose all start ``gunicorn -c python:web.gunicorn_conf ... web.wsgi:app``.

- The master checks the configuration before it starts any worker (``on_starting``): with
  OK_ENV unset or production and a missing, short or placeholder OK_JWT_SECRET or
  OK_SECRET_KEY it logs why and exits 1 ("Error: OK v3 refuses to start in production: ...").
"""

from __future__ import annotations

from web import settings


def on_starting(server) -> None:
    try:
        if settings.environment() == "production":
            settings.check_production()
    except settings.ConfigurationError as exc:
        server.log.error("%s", exc)
        raise  # a RuntimeError: gunicorn prints "Error: <message>" and exits 1
