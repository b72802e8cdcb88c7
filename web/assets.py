"""Front-end bundles: AdminLTE 4, Bootstrap, htmx and Chart.js from node_modules (npm, pinned in
package.json), concatenated by Flask-Assets into web/static/gen, with the code view's
Pygments stylesheet (web/code_view.py) written there first. Nothing third-party is
committed; `make assets` (or the first request in development) builds the bundles."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_assets import Bundle, Environment

from web import code_view
from web.settings import ROOT

NODE_MODULES = ROOT / "node_modules"

CSS = Bundle(
    "admin-lte/dist/css/adminlte.min.css", "gen/pygments.css", "okv3.css", output="gen/okv3.%(version)s.css"
)
JS = Bundle(
    "bootstrap/dist/js/bootstrap.bundle.min.js",
    "admin-lte/dist/js/adminlte.min.js",
    "htmx.org/dist/htmx.min.js",
    "chart.js/dist/chart.umd.min.js",
    "charts.js",
    "live.js",
    output="gen/okv3.%(version)s.js",
)


def _write_code_stylesheet(static_folder: str) -> None:
    """Pygments' stylesheet, generated (it follows the installed Pygments), into the bundle."""
    target = Path(static_folder) / "gen" / "pygments.css"
    css = code_view.stylesheet()
    if not target.exists() or target.read_text() != css:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css)


def init_app(app: Flask) -> Environment:
    _write_code_stylesheet(app.static_folder)
    env = Environment(app)
    env.load_path = [app.static_folder, str(NODE_MODULES)]
    env.url_mapping = {str(NODE_MODULES): "/static/vendor"}
    env.auto_build = app.config["OK_ENV"] != "production"
    env.manifest = "file"
    env.cache = False
    env.register("css_all", CSS)
    env.register("js_all", JS)
    return env
