"""Student-facing pages: the dashboard, an assignment, a backup or submission, and the
signed-in devices page (browser sessions and OAuth tokens). Each page is one api call
under the caller's role."""

from __future__ import annotations

import psycopg2
from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from psycopg2.extras import Json

from web import code_view, markdown_safe, uploads
from web.request_db import api_request, current_claims

blueprint = Blueprint("student", __name__, template_folder="templates")


def _rows(cur) -> list[dict]:
    columns = [c.name for c in cur.description]
    return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


def _require_login():
    if not current_claims():
        return redirect(url_for("login.login", next=request.full_path))
    return None


@blueprint.app_template_filter("markdown")
def markdown_filter(text: str | None):
    return markdown_safe.render(text)


@blueprint.get("/")
def index():
    enrollments = []
    if current_claims():
        with api_request() as ctx:
            enrollments = _rows(ctx.call(
                "select offering, display_name, active, role, section, teaches from api.my_enrollments"
            ))
    return render_template("student/index.html", enrollments=enrollments)


@blueprint.get("/<offering:offering>/")
def course(offering: str):
    if (response := _require_login()) is not None:
        return response
    with api_request() as ctx:
        page = ctx.call("select api.course_page(offering => %s)", (offering,)).fetchone()[0]
    return render_template("student/course.html", page=page)


@blueprint.get("/<assignment:name>/")
def assignment(name: str):
    if (response := _require_login()) is not None:
        return response
    with api_request() as ctx:
        page = ctx.call("select api.assignment_page(name => %s)", (name,)).fetchone()[0]
    if page is None:
        abort(404)
    return render_template("student/assignment.html", page=page)


# Student actions on an assignment: each form posts here, the route makes one api call and
# shows the database's answer (its message on refusal).
ACTIONS = {
    "flag": ("select api.flag_backup(key => %(key)s)", "Flagged {key}: it is the submission that will be graded."),
    "unflag": ("select api.unflag(assignment => %(name)s)", "Flag cleared: your newest submission counts."),
    "invite": ("select api.group_invite(assignment => %(name)s, email => %(email)s)", "Invited {email}."),
    "accept": ("select api.group_respond(assignment => %(name)s, accept => true)", "You joined the group."),
    "decline": ("select api.group_respond(assignment => %(name)s, accept => false)", "Invitation declined."),
    "remove": ("select api.group_remove(assignment => %(name)s, email => %(email)s)", "{email} is out of the group."),
    "request_extension": ("select api.request_extension(assignment => %(name)s, reason => %(reason)s)",
                          "Your request was sent to the course staff."),
    "request_regrade": ("select api.request_regrade(name => %(name)s, key => %(key)s, kind => %(kind)s, "
                        "reason => %(reason)s)", "Your regrade request for {kind} was sent to the course staff."),
}


@blueprint.post("/<assignment:name>/<any(" + ", ".join(ACTIONS) + "):action>")
def assignment_action(name: str, action: str):
    if (response := _require_login()) is not None:
        return response
    query, done = ACTIONS[action]
    values = {"name": name, "key": request.form.get("key", ""), "email": request.form.get("email", "").strip(),
              "reason": request.form.get("reason", ""), "kind": request.form.get("kind", "").strip()}
    try:
        with api_request(read_only=False) as ctx:
            ctx.call(query, values)
        flash(done.format(**values), "success")
    except psycopg2.Error as exc:
        flash(exc.diag.message_primary or "That did not work", "error")
    return redirect(url_for("student.assignment", name=name))


@blueprint.post("/<assignment:name>/upload")
def upload(name: str):
    """Files from the browser as a backup or submission, in ok-client's shape; the database
    applies the intake rules (uploads on, enrolled, the lock date and extensions, the files)."""
    if (response := _require_login()) is not None:
        return response
    files, unreadable = uploads.texts(request.files.getlist("files"), unzip=False)
    if unreadable:
        flash(f"Not a text file (UTF-8): {', '.join(unreadable)}. Nothing was uploaded.", "error")
        return redirect(url_for("student.assignment", name=name))
    try:
        with api_request(read_only=False) as ctx:
            answer = ctx.call("select api.upload_files(assignment => %s, files => %s, submit => %s)",
                              (name, Json(files), request.form.get("submit") == "on")).fetchone()[0]
    except psycopg2.Error as exc:
        flash(exc.diag.message_primary or "That did not work", "error")
        return redirect(url_for("student.assignment", name=name))
    kind = "submission" if answer["submit"] else "backup"
    flash(f"Uploaded {answer['files']} file(s) as a {kind}.", "success")
    endpoint = "student.submission" if answer["submit"] else "student.backup"
    return redirect(url_for(endpoint, name=name, key=answer["key"]))


@blueprint.get("/<assignment:name>/backups/<key>/", endpoint="backup")
@blueprint.get("/<assignment:name>/submissions/<key>/", endpoint="submission")
def backup(name: str, key: str):
    if (response := _require_login()) is not None:
        return response
    with api_request() as ctx:
        compare = request.args.get("compare") or None
        shown = ctx.call("select api.backup_page(name => %s, key => %s, compare => %s)",
                         (name, key, compare)).fetchone()[0]
    if shown is None:
        abort(404)
    comments: dict[tuple[str, int], list] = {}
    for comment in shown["comments"]:
        comments.setdefault((comment["filename"], comment["line"]), []).append(comment)
    files = {filename: code_view.highlighted_lines(filename, text) for filename, text in sorted(shown["files"].items())}
    diffs = code_view.diffs_against(shown["compare"], shown["files"])
    return render_template("student/backup.html", backup=shown, files=files, comments=comments, name=name,
                           diffs=diffs, compare=compare, diff_limit=code_view.DIFF_LINES_AT_MOST)


# The devices page's actions: one api call each, and what to say when it worked.
DEVICE_ACTIONS = {
    "token": ("select api.revoke_my_token(token_id => %(id)s)",
              "Signed out that device: its tokens stopped working at once."),
    "session": ("select api.revoke_my_session(session_id => %(id)s)",
                "Signed out that browser: its session stopped working at once."),
    "everywhere": ("select api.sign_out_everywhere()",
                   "Signed out everywhere: every browser and device must sign in again."),
}


@blueprint.route("/settings/tokens", methods=["GET", "POST"])
def tokens():
    if (response := _require_login()) is not None:
        return response
    if request.method == "POST":
        action = request.form.get("revoke", "token" if "token_id" in request.form else "session")
        if action not in DEVICE_ACTIONS:
            abort(400)
        query, done = DEVICE_ACTIONS[action]
        ident = request.form.get("token_id" if action == "token" else "session_id", type=int)
        try:
            with api_request(read_only=False) as ctx:
                ctx.call(query, {"id": ident})
        except psycopg2.Error as exc:
            flash(exc.diag.message_primary or "Could not sign that out", "error")
            return redirect(url_for("student.tokens"))
        if action == "everywhere":
            session.clear()  # this browser's session was revoked with the others
            flash(done, "success")
            return redirect(url_for("student.index"))
        flash(done, "success")
        return redirect(url_for("student.tokens"))
    with api_request() as ctx:
        page = ctx.call("select api.devices_page()").fetchone()[0]
    return render_template("student/tokens.html", sessions=page["sessions"], tokens=page["tokens"])


@blueprint.route("/settings/mail", methods=["GET", "POST"])
def mail_settings():
    """Which kinds of notification mail the signed-in user gets: a checkbox per kind."""
    if (response := _require_login()) is not None:
        return response
    if request.method == "POST":
        on = set(request.form.getlist("on"))
        kinds = request.form.getlist("kind")
        try:
            with api_request(read_only=False) as ctx:
                ctx.call("select api.set_mail_preferences(muted => %s)", ([k for k in kinds if k not in on],))
        except psycopg2.Error as exc:
            flash(exc.diag.message_primary or "Could not save your mail settings", "error")
        else:
            flash("Mail settings saved.", "success")
        return redirect(url_for("student.mail_settings"))
    with api_request() as ctx:
        page = ctx.call("select api.mail_settings_page()").fetchone()[0]
    return render_template("student/mail_settings.html", page=page)


@blueprint.route("/settings/unsubscribe", methods=["GET", "POST"])
def unsubscribe():
    """A message's unsubscribe link, without signing in: GET shows what it turns off and a
    button; the button's POST turns it off. The link's token is the authority (the database
    checks it); the form carries a CSRF token like every form."""
    link = (request.values.get("u", ""), request.values.get("k", ""), request.values.get("t", ""))
    confirm = request.method == "POST"
    try:
        with api_request(read_only=not confirm) as ctx:
            page = ctx.call("select api.unsubscribe(user_key => %s, kind => %s, token => %s, confirm => %s)",
                            (*link, confirm)).fetchone()[0]
    except psycopg2.Error as exc:
        return render_template("error.html", code=404, name="Not Found", description=exc.diag.message_primary), 404
    return render_template("student/unsubscribe.html", page=page, link=link, done=confirm)
