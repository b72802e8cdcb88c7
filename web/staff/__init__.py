"""Staff pages: a course's assignments and extension requests, an assignment's final
submissions (with the reason each was chosen), extensions and grading queues, the course
gradebook, and the grading workspace (a grader's queue, and the grading view of a backup with
its highlighted code, diffs, line comments and score form). Each page is one api call under
the signed-in user's role: RLS decides what a reader, TA or instructor sees, and the database
refuses what they may not do. In-page actions of the grading view (comments) answer htmx
with a server-rendered fragment; without htmx the same forms post and redirect."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote

import psycopg2
from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from psycopg2.extras import Json

from web import code_view, uploads
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


def _page(query: str, *args) -> dict:
    """One api call that returns the whole page (PT403/PT404 become the error page, with the
    database's message, in web.request_db)."""
    with api_request() as ctx:
        return ctx.call(query, args).fetchone()[0]


def _change(query: str, values) -> tuple[object, str | None]:
    """One api call that changes something: (its answer, None), or (None, the database's
    reason for refusing)."""
    try:
        with api_request(read_only=False) as ctx:
            return ctx.call(query, values).fetchone()[0], None
    except psycopg2.Error as exc:
        return None, exc.diag.message_primary or "That did not work"


def _htmx() -> bool:
    return request.headers.get("HX-Request") == "true"


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
    section = request.args.get("section") or None
    book = _page("select api.gradebook(offering => %s, section => %s)", offering, section)
    return render_template("staff/gradebook.html", offering=offering, book=book)


@blueprint.get("/<offering:offering>/grades.csv")
def grades_csv(offering: str):
    """The gradebook as a file: <offering>-grades-<date>.csv (the date it was taken, UTC)."""
    csv = _page("select api.grades_csv(offering => %s)", offering)
    filename = f"{offering.replace('/', '-')}-grades-{datetime.now(UTC):%Y-%m-%d}.csv"
    return Response(csv, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{filename}"'})


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
    "deny_request": ("select api.deny_extension_request(assignment => %(name)s, email => %(email)s, "
                     "reply => %(reply)s)", "Request of {email} denied."),
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
        "reply": request.form.get("reply", ""),
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


# The grading workspace.

@blueprint.get("/<assignment:name>/scores")
def scores(name: str):
    filters = {k: request.args.get(k) or None for k in ("grader", "section", "sort")}
    page = _page("select api.scores_page(assignment => %s, grader => %s, section => %s, sort => %s, page => %s)",
                 name, filters["grader"], filters["section"], filters["sort"], request.args.get("page", 1, type=int))
    return render_template("staff/scores.html", page=page, filters=filters)


@blueprint.get("/<assignment:name>/scores.csv")
def scores_csv(name: str):
    csv = _page("select api.scores_csv(assignment => %s)", name)
    filename = name.replace("/", "-") + "-scores.csv"
    # RFC 6266: an ASCII fallback, and the exact name percent-encoded (an assignment's word may
    # hold any letter)
    fallback = filename.encode("ascii", "replace").decode().replace("?", "_")
    return Response(csv, mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"})

@blueprint.get("/<assignment:name>/rubrics")
def rubrics(name: str):
    return render_template("staff/rubrics.html", page=_page("select api.rubric_page(assignment => %s)", name))


RUBRIC_ACTIONS = {
    "save": ("select api.save_rubric(assignment => %(name)s, kind => %(kind)s, start_points => %(start_points)s, "
             "min_points => %(min_points)s, max_points => %(max_points)s)",
             "Rubric for {kind} saved; {rescored} score(s) rescored."),
    "add": ("select api.add_rubric_item(assignment => %(name)s, kind => %(kind)s, points => %(points)s, "
            "description => %(description)s)", "Item added to the {kind} rubric."),
}


@blueprint.post("/<assignment:name>/rubrics/<any(" + ", ".join(RUBRIC_ACTIONS) + "):action>")
def rubric_action(name: str, action: str):
    query, done = RUBRIC_ACTIONS[action]
    values = {"name": name, **{field: request.form.get(field, "") for field in
                               ("kind", "start_points", "min_points", "max_points", "points", "description")}}
    answer, refused = _change(query, values)
    flash(refused or done.format(**values, rescored=(answer or {}).get("rescored")), "error" if refused else "success")
    return redirect(url_for("staff.rubrics", name=name))


RUBRIC_ITEM_ACTIONS = {
    "edit": ("select api.edit_rubric_item(item_id => %(item_id)s, points => %(points)s, "
             "description => %(description)s, ordinal => %(ordinal)s)", "Item saved; {rescored} score(s) rescored."),
    "delete": ("select api.delete_rubric_item(item_id => %(item_id)s)", "Item deleted."),
}


@blueprint.post("/<assignment:name>/rubrics/items/<int:item_id>/<any(" + ", ".join(RUBRIC_ITEM_ACTIONS) + "):action>")
def rubric_item_action(name: str, item_id: int, action: str):
    query, done = RUBRIC_ITEM_ACTIONS[action]
    values = {"item_id": item_id, "points": request.form.get("points", ""),
              "description": request.form.get("description", ""),
              "ordinal": request.form.get("ordinal", type=int)}
    answer, refused = _change(query, values)
    rescored = answer.get("rescored") if isinstance(answer, dict) else None
    flash(refused or done.format(rescored=rescored), "error" if refused else "success")
    return redirect(url_for("staff.rubrics", name=name))


@blueprint.get("/<assignment:name>/queue")
def queue(name: str):
    # name, display_name, offering, timezone, my_tasks, next_key, progress, unqueued, can_reassign
    return render_template("staff/queue.html", **_page("select api.grading_queue(assignment => %s)", name))


@blueprint.get("/<assignment:name>/grade/<key>/")
def grade(name: str, key: str):
    compare = request.args.get("compare") or None
    view = _page("select api.grading_view(name => %s, key => %s, compare => %s, highlighter => %s)",
                 name, key, compare, code_view.HIGHLIGHTER)
    files = view["backup"]["files"]
    comments: dict[tuple[str, int], list] = {}
    for comment in view["comments"]:
        comments.setdefault((comment["filename"], comment["line"]), []).append(comment)
    shown = code_view.shown_files(files, view["highlighted"])
    diffs = code_view.diffs_against(view["compare"], files)
    return render_template("staff/grade.html", view=view, shown=shown, comments=comments, diffs=diffs,
                           compare=compare, diff_limit=code_view.DIFF_LINES_AT_MOST)


@blueprint.get("/<assignment:name>/grade/<key>/comment")
def comment_form(name: str, key: str):
    """The comment form for one line, f(ile) and l(ine) (a fragment htmx puts under the line;
    the names are short because every line of the view links here)."""
    line = request.args.get("l", type=int)
    filename = request.args.get("f", "")
    if line is None or not filename:
        abort(400)
    if not _htmx():  # followed as a plain link: the line in the grading view
        return redirect(url_for("staff.grade", name=name, key=key) + f"#{filename}-L{line}")
    bank = _page("select api.comment_bank(assignment => %s)", name)
    return render_template("staff/_comment_form.html", name=name, key=key, filename=filename, line=line, bank=bank)


@blueprint.post("/<assignment:name>/grade/<key>/comments")
def add_comment(name: str, key: str):
    filename, line = request.form.get("filename", ""), request.form.get("line", type=int)
    comment, refused = _change(
        "select api.add_comment(name => %s, key => %s, filename => %s, line => %s, message => %s, "
        "bank_id => %s, save_to_bank => %s)",
        (name, key, filename, line, request.form.get("message", ""), request.form.get("bank_id", type=int),
         request.form.get("save_to_bank") == "on"))
    if _htmx():
        if refused:
            bank = _page("select api.comment_bank(assignment => %s)", name)
            return render_template("staff/_comment_form.html", name=name, key=key, filename=filename,
                                   line=line, message=request.form.get("message", ""), refused=refused, bank=bank)
        return render_template("staff/_comment.html", comment=comment, back=url_for("staff.grade", name=name, key=key))
    flash(refused or "Comment added.", "error" if refused else "success")
    return redirect(url_for("staff.grade", name=name, key=key) + (f"#{filename}-L{line}" if line else ""))


@blueprint.post("/comments/<int:comment_id>/edit")
def edit_comment(comment_id: int):
    comment, refused = _change("select api.edit_comment(comment_id => %s, message => %s)",
                               (comment_id, request.form.get("message", "")))
    if _htmx():
        if refused:
            return _refused_fragment(refused)
        return render_template("staff/_comment.html", comment=comment, back=_back())
    flash(refused or "Comment saved.", "error" if refused else "success")
    return redirect(_back())


@blueprint.post("/comments/<int:comment_id>/delete")
def delete_comment(comment_id: int):
    _, refused = _change("select api.delete_comment(comment_id => %s)", (comment_id,))
    if _htmx():
        return _refused_fragment(refused) if refused else ""
    flash(refused or "Comment deleted.", "error" if refused else "success")
    return redirect(_back())


def _refused_fragment(refused: str):
    """The database's reason, as a row under the comment it is about (the comment stays)."""
    return render_template("staff/_refused.html", refused=refused), 200, {"HX-Reswap": "afterend"}


def _back() -> str:
    """Where a form asked to go back to: a staff page of this site, or the staff home."""
    back = request.form.get("back", "")
    return back if back.startswith("/staff/") else url_for("staff.courses")


@blueprint.post("/<assignment:name>/grade/<key>/score")
def save_score(name: str, key: str):
    answer, refused = _change(
        "select api.grade(name => %s, key => %s, kind => %s, score => %s, message => %s)",
        # the score as typed: the database parses it, and says so when it is not a number
        (name, key, request.form.get("kind", ""), request.form.get("score", ""), request.form.get("message", "")))
    return _after_score(name, key, answer, refused)


@blueprint.post("/<assignment:name>/grade/<key>/rubric")
def save_rubric_score(name: str, key: str):
    # the ticked items (as the form names them) with their notes; the database checks that
    # each is an item of the kind's rubric and computes the score
    items = [{"id": int(item_id), "note": request.form.get(f"note-{item_id}", "")}
             for item_id in request.form.getlist("item") if item_id.isdigit()]
    answer, refused = _change(
        "select api.grade_by_rubric(name => %s, key => %s, kind => %s, items => %s, message => %s)",
        (name, key, request.form.get("kind", ""), Json(items), request.form.get("message", "")))
    return _after_score(name, key, answer, refused)


def _after_score(name: str, key: str, answer: dict | None, refused: str | None):
    """What a score form does next: the refusal on the same backup, else the score said and
    this backup again, or (Save and grade next) the caller's next task, or their queue."""
    if refused:
        flash(refused, "error")
        return redirect(url_for("staff.grade", name=name, key=key))
    flash(f"Saved: {answer['kind']} {answer['score']}.", "success")
    if request.form.get("then") == "next":
        if answer["next_key"]:
            return redirect(url_for("staff.grade", name=name, key=answer["next_key"]))
        flash("Your queue is done.", "success")
        return redirect(url_for("staff.queue", name=name))
    return redirect(url_for("staff.grade", name=name, key=key))


@blueprint.post("/<assignment:name>/regrades/<int:request_id>/resolve")
def resolve_regrade(name: str, request_id: int):
    answer, refused = _change("select api.resolve_regrade(request_id => %s, reply => %s, score => %s)",
                              (request_id, request.form.get("reply", ""), request.form.get("score", "")))
    if refused:
        flash(refused, "error")
    elif answer["new_score"] is not None:
        flash(f"Regrade request resolved: the new score is {answer['new_score']}.", "success")
    else:
        flash("Regrade request resolved; the score is unchanged.", "success")
    back = request.form.get("back", "")
    return redirect(back if back.startswith("/staff/") else url_for("staff.queue", name=name))


@blueprint.post("/<assignment:name>/upload")
def upload_for_student(name: str):
    """Staff upload files as a student's backup or submission: the files' text goes to the
    database as {name: text}, which decides everything else (who may, for whom, how many)."""
    files, unreadable = uploads.texts(request.files.getlist("files"), unzip=False)
    back = _back()
    if unreadable:  # the database stores text; say which file is not, and change nothing
        flash(f"Not a text file (UTF-8): {', '.join(unreadable)}. Nothing was uploaded.", "error")
        return redirect(back)
    answer, refused = _change(
        "select api.upload_for_student(assignment => %s, email => %s, files => %s, submit => %s)",
        (name, request.form.get("email", ""), Json(files), request.form.get("submit") == "on"))
    if refused:
        flash(refused, "error")
        return redirect(back)
    flash(f"Uploaded {answer['files']} file(s) as a {'submission' if answer['submit'] else 'backup'} "
          f"of {answer['submitter']}.", "success")
    return redirect(url_for("staff.grade", name=name, key=answer["key"]))


# Grading-view actions on the backup's unit: one api call each, the database's refusal shown.
GRADE_ACTIONS = {
    "reassign": ("select api.reassign_task(task_id => %(task_id)s, grader => %(grader)s)",
                 "Task reassigned to {grader}."),
    "flag": ("select api.flag_backup(key => %(key)s)", "Flagged {key}: it is the unit's final submission."),
    "set_time": ("select api.set_submission_time(key => %(key)s, at => %(at)s)",
                 "Submission time of {key} changed."),
    "add_to_group": ("select api.group_staff_add(assignment => %(name)s, email => %(email)s, "
                     "partner_email => %(partner)s)", "{email} joined the unit's group."),
}


@blueprint.post("/<assignment:name>/grade/<key>/<any(" + ", ".join(GRADE_ACTIONS) + "):action>")
def grade_action(name: str, key: str, action: str):
    query, done = GRADE_ACTIONS[action]
    values = {"name": name, "key": key, "task_id": request.form.get("task_id", type=int),
              "grader": request.form.get("grader", "").strip(), "email": request.form.get("email", "").strip(),
              "partner": request.form.get("partner", "").strip(), "at": request.form.get("at") or None}
    _, refused = _change(query, values)
    flash(refused or done.format(**values), "error" if refused else "success")
    return redirect(url_for("staff.grade", name=name, key=key))


# Course settings, assignment set-up and the roster, background jobs and the live deadline
# board: their routes live in their own modules, on this blueprint.
from web.staff import jobs, live, running  # noqa: E402, F401
