"""Staff pages: a course's assignments and extension requests, an assignment's final
submissions (with the reason each was chosen), extensions and grading queues, and the course
gradebook. Each page is one api call under the signed-in user's role: RLS decides what a
reader, TA or instructor sees, and the database refuses what they may not do."""

from __future__ import annotations

import psycopg2
from flask import Blueprint, flash, redirect, render_template, request, url_for

from web.request_db import api_request, current_claims

blueprint = Blueprint("staff", __name__, url_prefix="/staff", template_folder="templates")


def _rows(cur) -> list[dict]:
    columns = [c.name for c in cur.description]
    return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


@blueprint.before_request
def require_login():
    """Sign in first. Whether the caller is staff of the course is the database's answer, in
    the page's own call (app.require_staff), shown with its reason when it refuses."""
    if not current_claims():
        return redirect(url_for("login.login", next=request.full_path))
    return None


def _page(query: str, name: str) -> dict:
    """One api call that returns the whole page (PT403/PT404 become the error page, with the
    database's message, in web.request_db)."""
    with api_request() as ctx:
        return ctx.call(query, (name,)).fetchone()[0]


@blueprint.get("/")
def courses():
    with api_request() as ctx:
        rows = _rows(ctx.call("select offering, display_name, role from api.my_teaching"))
    return render_template("staff/courses.html", courses=rows)


@blueprint.get("/<offering:offering>/")
def course(offering: str):
    # the page's parts (offering, assignments, requests, timezone) are the template's names
    return render_template("staff/course.html", **_page("select api.staff_course_page(offering => %s)", offering))


@blueprint.get("/<offering:offering>/gradebook")
def gradebook(offering: str):
    book = _page("select api.gradebook(offering => %s)", offering)
    return render_template("staff/gradebook.html", offering=offering, book=book)


@blueprint.get("/<assignment:name>/")
def assignment(name: str):
    # name, finals, progress, unqueued, extended, timezone: the template's names
    return render_template("staff/assignment.html", **_page("select api.staff_assignment_page(name => %s)", name))


# Staff actions: one api call each; the database's refusal is shown as it is.
ACTIONS = {
    "grant_extension": (
        "select api.grant_extension(assignment => %(name)s, email => %(email)s, expires => %(expires)s, "
        "reason => %(reason)s)", "Extension granted to {email}."),
    "revoke_extension": ("select api.revoke_extension(assignment => %(name)s, email => %(email)s)",
                         "Extension of {email} revoked."),
    "deny_request": ("select api.deny_extension_request(assignment => %(name)s, email => %(email)s)",
                     "Request of {email} denied."),
    "assign_grading": ("select api.assign_grading(assignment => %(name)s, graders => %(graders)s)",
                       "Grading queues updated."),
    "publish_scores": ("select api.publish_scores(assignment => %(name)s, kind => %(kind)s)",
                       "Students now see their {kind} scores."),
    "unpublish_scores": ("select api.publish_scores(assignment => %(name)s, kind => %(kind)s, published => false)",
                         "{kind} scores are hidden from students again."),
}


@blueprint.post("/<assignment:name>/<any(" + ", ".join(ACTIONS) + "):action>")
def assignment_action(name: str, action: str):
    query, done = ACTIONS[action]
    values = {
        "name": name, "email": request.form.get("email", "").strip(), "expires": request.form.get("expires", ""),
        "reason": request.form.get("reason", ""), "kind": request.form.get("kind", "").strip(),
        "graders": [g.strip() for g in request.form.get("graders", "").replace(",", " ").split() if g.strip()],
    }
    try:
        with api_request(read_only=False) as ctx:
            ctx.call(query, values)
        flash(done.format(**values), "success")
    except psycopg2.Error as exc:
        flash(exc.diag.message_primary or "That did not work", "error")
    return redirect(request.form.get("back") if request.form.get("back", "").startswith("/staff/")
                    else url_for("staff.assignment", name=name))
