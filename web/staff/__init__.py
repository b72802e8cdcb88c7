"""Staff pages: a course's assignments and extension requests, an assignment's final
submissions (with the reason each was chosen), extensions and grading queues, and the course
gradebook. Each page is one api call under the signed-in user's role: RLS decides what a
reader, TA or instructor sees, and the database refuses what they may not do."""

from __future__ import annotations

import psycopg2
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from web.request_db import api_request, current_claims

blueprint = Blueprint("staff", __name__, url_prefix="/staff", template_folder="templates")


def _rows(cur) -> list[dict]:
    columns = [c.name for c in cur.description]
    return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


@blueprint.before_request
def require_staff():
    """Sign in first; then these pages are for the course's staff (RLS would show a student
    only their own rows anyway; this gives them a plain 403 instead of a half-empty page)."""
    if not current_claims():
        return redirect(url_for("login.login", next=request.full_path))
    args = request.view_args or {}
    name = args.get("offering") or args.get("name")
    if name:
        with api_request() as ctx:
            staff = ctx.call("select api.is_course_staff(name => %s)", (name,)).fetchone()[0]
        if not staff:
            abort(403)
    return None


@blueprint.get("/")
def courses():
    with api_request() as ctx:
        rows = _rows(ctx.call("select offering, display_name, role from api.my_teaching"))
    return render_template("staff/courses.html", courses=rows)


@blueprint.get("/<offering:offering>/")
def course(offering: str):
    with api_request() as ctx:
        assignments = _rows(ctx.call("select * from api.assignments where offering = %s", (offering,)))
        requests_ = _rows(ctx.call("select * from api.extension_requests where offering = %s", (offering,)))
    if not assignments:
        abort(404)
    return render_template("staff/course.html", offering=offering, assignments=assignments, requests=requests_)


@blueprint.get("/<offering:offering>/gradebook")
def gradebook(offering: str):
    with api_request() as ctx:
        book = ctx.call("select api.gradebook(offering => %s)", (offering,)).fetchone()[0]
    if book is None:
        abort(404)
    return render_template("staff/gradebook.html", offering=offering, book=book)


@blueprint.get("/<assignment:name>/")
def assignment(name: str):
    with api_request() as ctx:
        finals = _rows(ctx.call("select * from api.final_submissions(assignment => %s)", (name,)))
        progress = _rows(ctx.call("select * from api.grading_progress where assignment = %s", (name,)))
        unqueued = ctx.call("select count(*) from api.unqueued_submissions(assignment => %s)", (name,)).fetchone()[0]
        extended = _rows(ctx.call("select * from api.deadlines(assignment => %s) where extended_until is not null",
                                  (name,)))
        # the course's time zone: extensions are shown, and the grant form is read, in it
        zone = ctx.call("select timezone from api.assignments where name = %s", (name,)).fetchone()
    if not finals or zone is None:
        abort(404)
    return render_template("staff/assignment.html", name=name, finals=finals, progress=progress,
                           unqueued=unqueued, extended=extended, timezone=zone[0])


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
}


@blueprint.post("/<assignment:name>/<any(" + ", ".join(ACTIONS) + "):action>")
def assignment_action(name: str, action: str):
    query, done = ACTIONS[action]
    values = {
        "name": name, "email": request.form.get("email", "").strip(), "expires": request.form.get("expires", ""),
        "reason": request.form.get("reason", ""),
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
