"""The documentation site at /docs/: the static pages `make docs` builds (ops/docs_site.py,
mkdocs-material) into .run/docs-site, or the folder OK_DOCS_DIR names. When none is built,
/docs/ says how to build it. The sidebar links it for everyone (docs_available).

The pages are static and hold no user data, but mkdocs-material's pages carry small inline
scripts and styles, so /docs/ answers with its own Content-Security-Policy that allows them
(still nothing from another site, no frames); every other page keeps the strict one."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, send_from_directory

from web.settings import RUN_DIR

DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)

blueprint = Blueprint("docs", __name__, url_prefix="/docs")


def docs_dir() -> Path:
    return Path(current_app.config["OK_DOCS_DIR"])


def docs_available() -> bool:
    return (docs_dir() / "index.html").is_file()


@blueprint.get("/", defaults={"filename": "index.html"})
@blueprint.get("/<path:filename>")
def page(filename: str):
    if not docs_available():
        if filename != "index.html":
            abort(404)
        return Response("The documentation site is not built here: run `make docs` (or read docs/ in the "
                        "repository).\n", status=404, mimetype="text/plain")
    answer = send_from_directory(docs_dir(), filename, max_age=300)
    answer.headers["Content-Security-Policy"] = DOCS_POLICY
    return answer


def init_app(app: Flask) -> None:
    app.config.setdefault("OK_DOCS_DIR", os.environ.get("OK_DOCS_DIR") or str(RUN_DIR / "docs-site"))
    app.register_blueprint(blueprint)
    app.jinja_env.globals["docs_available"] = docs_available
