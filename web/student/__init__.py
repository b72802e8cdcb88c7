"""Student-facing pages: the dashboard and, later, assignments, backups and groups."""

from __future__ import annotations

from flask import Blueprint, render_template

from web.request_db import api_request, current_claims

blueprint = Blueprint("student", __name__, template_folder="templates")


@blueprint.get("/")
def index():
    claims = current_claims()
    enrollments = []
    if claims:
        with api_request() as ctx:
            cur = ctx.call(
                "select offering, display_name, active, role, section from api.my_enrollments"
            )
            columns = [c.name for c in cur.description]
            enrollments = [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]
    return render_template("student/index.html", claims=claims, enrollments=enrollments)
