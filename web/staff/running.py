"""Running a course from the web: course settings, creating, editing and copying
assignments with their template files, and the roster (one person at a time, or a CSV
previewed before it is applied). Each route is one api call under the signed-in user's role;
the database decides who may and says why not. The pages only turn browser input into
arguments: a checkbox into a boolean, a CSV file into rows, a zip into {name: text}."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from flask import Response, flash, redirect, render_template, request, url_for
from psycopg2.extras import Json

from web import uploads
from web.staff import _change, _page, blueprint


def _checked(name: str) -> bool | None:
    """A checkbox of a settings form: on or off (None when the form has no such field)."""
    if f"has-{name}" not in request.form:
        return None
    return request.form.get(name) == "on"


def _said(refused: str | None, done: str) -> None:
    flash(refused or done, "error" if refused else "success")


# Course settings (instructors).

@blueprint.get("/<offering:offering>/settings")
def course_settings(offering: str):
    return render_template("staff/course_settings.html",
                           page=_page("select api.course_settings_page(offering => %s)", offering))


@blueprint.post("/<offering:offering>/settings")
def save_course_settings(offering: str):
    kinds = request.form.get("default_published_kinds")
    _, refused = _change(
        "select api.update_course(offering => %s, display_name => %s, timezone => %s, active => %s, term => %s, "
        "default_max_group_size => %s, default_published_kinds => %s, mail_enabled => %s, autograder_url => %s)",
        (offering, request.form.get("display_name"), request.form.get("timezone"), _checked("active"),
         request.form.get("term"), request.form.get("default_max_group_size", type=int),
         None if kinds is None else [k for k in kinds.replace(",", " ").split() if k], _checked("mail_enabled"),
         request.form.get("autograder_url")))
    _said(refused, "Course settings saved.")
    return redirect(url_for("staff.course_settings", offering=offering))


@blueprint.post("/<offering:offering>/export-token")
def rotate_export_token(offering: str):
    """A new export token, shown once on the page this answers (never put in the session)."""
    active = request.form.get("active") != "off"
    token, refused = _change("select api.rotate_export_token(offering => %s, active => %s)", (offering, active))
    if refused:
        flash(refused, "error")
        return redirect(url_for("staff.course_settings", offering=offering))
    page = _page("select api.course_settings_page(offering => %s)", offering)
    return render_template("staff/course_settings.html", page=page, new_token=token if active else None,
                           token_turned_off=not active)


@blueprint.post("/<offering:offering>/autograder-tokens/revoke")
def revoke_autograder_tokens(offering: str):
    revoked, refused = _change("select api.revoke_autograder_tokens(offering => %s)", (offering,))
    _said(refused, f"Revoked {revoked} autograder token{'' if revoked == 1 else 's'}: the autograder can no longer "
                   "read this course's backups or post scores until work is sent again.")
    return redirect(url_for("staff.course_settings", offering=offering))


# Assignments (TAs and instructors).

@blueprint.post("/<offering:offering>/assignments")
def create_assignment(offering: str):
    name = f"{offering}/{request.form.get('word', '').strip()}"
    created, refused = _change(
        "select api.create_assignment(name => %s, display_name => %s, due => %s, lock => %s, "
        "max_group_size => %s, visible => %s)",
        (name, request.form.get("display_name", ""), request.form.get("due", ""), request.form.get("lock", ""),
         request.form.get("max_group_size", type=int), request.form.get("visible") == "on"))
    if refused:
        flash(refused, "error")
        return redirect(url_for("staff.course", offering=offering))
    flash(f"Created {created['display_name']}. Add template files and check the settings below.", "success")
    return redirect(url_for("staff.assignment_settings", name=created["name"]))


@blueprint.post("/<offering:offering>/copy")
def copy_assignments(offering: str):
    copied, refused = _change(
        "select api.copy_assignments(from_offering => %s, to_offering => %s, words => %s, shift_days => %s)",
        (request.form.get("source", ""), offering, request.form.getlist("word"),
         request.form.get("shift_days", 0, type=int)))
    _said(refused, f"Copied {len(copied or [])} assignment(s), hidden until you show them: "
                   + ", ".join(n.rsplit("/", 1)[-1] for n in copied or []) + ".")
    return redirect(url_for("staff.course", offering=offering))


@blueprint.get("/<assignment:name>/settings")
def assignment_settings(name: str):
    return render_template("staff/assignment_settings.html",
                           page=_page("select api.assignment_settings_page(name => %s)", name))


@blueprint.post("/<assignment:name>/settings")
def save_assignment_settings(name: str):
    form = request.form
    _, refused = _change(
        "select api.update_assignment(name => %s, display_name => %s, due => %s, lock => %s, max_group_size => %s, "
        "revisions_allowed => %s, visible => %s, uploads_enabled => %s, upload_info => %s, url => %s, "
        "autograder_key => %s, continuous_autograding => %s, reminder_hours => %s)",
        (name, form.get("display_name"), form.get("due"), form.get("lock"), form.get("max_group_size", type=int),
         _checked("revisions_allowed"), _checked("visible"), _checked("uploads_enabled"), form.get("upload_info"),
         form.get("url"), form.get("autograder_key"), _checked("continuous_autograding"),
         form.get("reminder_hours", type=int)))
    _said(refused, "Assignment settings saved.")
    return redirect(url_for("staff.assignment_settings", name=name))


@blueprint.post("/<assignment:name>/visibility")
def set_visibility(name: str):
    """Hide or show from the course page's list (one click)."""
    visible = request.form.get("visible") == "on"
    _, refused = _change("select api.update_assignment(name => %s, visible => %s)", (name, visible))
    _said(refused, "Students see it now." if visible else "Hidden from students.")
    offering = name.rsplit("/", 1)[0]
    return redirect(url_for("staff.course", offering=offering))


@blueprint.post("/<assignment:name>/templates")
def upload_templates(name: str):
    files, unreadable = uploads.texts(request.files.getlist("files"), unzip=True)
    if unreadable:
        flash(f"Not a text file (UTF-8) or a readable zip: {', '.join(unreadable)}. Nothing was changed.", "error")
        return redirect(url_for("staff.assignment_settings", name=name))
    saved, refused = _change("select api.set_template_files(name => %s, files => %s, replace => %s)",
                             (name, Json(files), request.form.get("replace") == "on"))
    _said(refused, f"Template files saved: {len(files)} uploaded, {len(saved or [])} in all.")
    return redirect(url_for("staff.assignment_settings", name=name))


@blueprint.post("/<assignment:name>/templates/delete")
def delete_template(name: str):
    filename = request.form.get("filename", "")
    _, refused = _change("select api.delete_template_file(name => %s, filename => %s)", (name, filename))
    _said(refused, f"Removed {filename}.")
    return redirect(url_for("staff.assignment_settings", name=name))


# The roster (staff read it; instructors change it).

@blueprint.get("/<offering:offering>/roster")
def roster(offering: str):
    filters = {k: request.args.get(k) or None for k in ("section", "role")}
    page = _page("select api.roster_page(offering => %s, section => %s, role => %s)",
                 offering, filters["section"], filters["role"])
    return render_template("staff/roster.html", page=page, filters=filters)


@blueprint.get("/<offering:offering>/roster.csv")
def roster_csv(offering: str):
    csv_text = _page("select api.roster_csv(offering => %s)", offering)
    filename = f"{offering.replace('/', '-')}-roster-{datetime.now(UTC):%Y-%m-%d}.csv"
    return Response(csv_text, mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@blueprint.post("/<offering:offering>/roster/enroll")
def enroll(offering: str):
    form = request.form
    done, refused = _change(
        "select api.enroll(offering => %s, email => %s, role => %s, sid => %s, section => %s, name => %s)",
        (offering, form.get("email", ""), form.get("role", "student"), form.get("sid"), form.get("section"),
         form.get("name")))
    _said(refused, f"{(done or {}).get('email')} is enrolled as {(done or {}).get('role', '').replace('_', ' ')}.")
    return redirect(request.form.get("back") if request.form.get("back", "").startswith("/staff/")
                    else url_for("staff.roster", offering=offering))


@blueprint.post("/<offering:offering>/roster/unenroll")
def unenroll(offering: str):
    email = request.form.get("email", "")
    _, refused = _change("select api.unenroll(offering => %s, email => %s)", (offering, email))
    _said(refused, f"{email} is no longer enrolled.")
    return redirect(url_for("staff.roster", offering=offering))


ROSTER_COLUMNS = ("email", "name", "sid", "section", "role")


def _roster_rows(text: str) -> list[dict]:
    """A roster CSV's data lines as rows for api.roster_import, each with its line number
    (the header is line 1). Columns are found by the header's names, in any order and case;
    columns the import does not read (class_account) are ignored. A file without an email
    column gives rows without emails, which the database reports row by row."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in next(reader, [])]
    rows = []
    last_line = reader.line_num
    for fields in reader:
        # a quoted field may span lines: a row is numbered by the line it starts on
        line_number, last_line = last_line + 1, reader.line_num
        if not any(f.strip() for f in fields):
            continue  # blank lines (a trailing newline) are not people
        row = {"row": line_number}
        for column in ROSTER_COLUMNS:
            if column in header and header.index(column) < len(fields):
                row[column] = fields[header.index(column)]
        rows.append(row)
    return rows


@blueprint.post("/<offering:offering>/roster/import")
def roster_import(offering: str):
    """First a preview (nothing changes); its Apply button posts the same text back with
    apply=on, and the database recomputes the plan against the roster as it is then."""
    upload = request.files.get("file")
    text = request.form.get("csv", "")
    if upload and upload.filename:
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            flash("The file is not UTF-8 text: save it as \"CSV UTF-8\" and try again. Nothing was changed.", "error")
            return redirect(url_for("staff.roster", offering=offering))
    replace = request.form.get("replace") == "on"
    apply = request.form.get("apply") == "on"
    plan, refused = _change("select api.roster_import(offering => %s, people => %s, replace => %s, apply => %s)",
                            (offering, Json(_roster_rows(text)), replace, apply))
    if refused:
        flash(refused, "error")
        return redirect(url_for("staff.roster", offering=offering))
    if plan["applied"]:
        flash(f"Roster updated: {len(plan['additions'])} added, {len(plan['changes'])} changed, "
              f"{len(plan['removals'])} removed.", "success")
        return redirect(url_for("staff.roster", offering=offering))
    return render_template("staff/roster_preview.html", offering=offering, plan=plan, csv_text=text, replace=replace)


# Extension requests, several at once.

@blueprint.post("/<offering:offering>/grant_requests")
def grant_requests(offering: str):
    ids = [int(i) for i in request.form.getlist("request_id") if i.isdigit()]
    answer, refused = _change(
        "select api.grant_extension_requests(offering => %s, request_ids => %s, expires => %s, reply => %s)",
        (offering, ids, request.form.get("expires", ""), request.form.get("reply", "")))
    _said(refused, f"Granted {(answer or {}).get('granted')} request(s).")
    return redirect(url_for("staff.course", offering=offering))


# Progress: an assignment's stats, and one student across the course.

@blueprint.get("/<assignment:name>/stats")
def assignment_stats(name: str):
    section = request.args.get("section") or None
    page = _page("select api.assignment_stats(assignment => %s, section => %s)", name, section)
    return render_template("staff/stats.html", page=page)


@blueprint.get("/<offering:offering>/students/<email>")
def student(offering: str, email: str):
    return render_template("staff/student.html",
                           page=_page("select api.student_page(offering => %s, email => %s)", offering, email))
