"""Front-end bundles: AdminLTE 4 and Bootstrap from node_modules (npm, pinned in
package.json), concatenated by Flask-Assets into web/static/gen. Nothing third-party is
committed; `make assets` (or the first request in development) builds the bundles."""

from __future__ import annotations

from flask import Flask
from flask_assets import Bundle, Environment

from web.settings import ROOT

NODE_MODULES = ROOT / "node_modules"

CSS = Bundle("admin-lte/dist/css/adminlte.min.css", "okv3.css", output="gen/okv3.%(version)s.css")
JS = Bundle(
    "bootstrap/dist/js/bootstrap.bundle.min.js",
    "admin-lte/dist/js/adminlte.min.js",
    output="gen/okv3.%(version)s.js",
)


def init_app(app: Flask) -> Environment:
    env = Environment(app)
    env.load_path = [app.static_folder, str(NODE_MODULES)]
    env.url_mapping = {str(NODE_MODULES): "/static/vendor"}
    env.auto_build = app.config["OK_ENV"] != "production"
    env.manifest = "file"
    env.cache = False
    env.register("css_all", CSS)
    env.register("js_all", JS)
    return env
