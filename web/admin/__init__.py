"""Admin pages: every course (and creating one), users (search, correct an email or name,
make an admin, act as them), OAuth clients (register, rotate a secret, turn off, their
grants), the client versions ok-client's update check reads, and analytics (the snapshots'
freshness and a refresh now, the minimum cell size, a course's research export). Each page is one api call;
the database refuses anyone but a site admin, with its reason."""

from __future__ import annotations

import psycopg2
from flask import Blueprint, flash, redirect, render_template, request, url_for

from web.request_db import api_request, current_claims

blueprint = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")


@blueprint.before_request
def require_login():
    if not current_claims():
        return redirect(url_for("login.login", next=request.full_path))
    return None


def _page(query: str, *args):
    with api_request() as ctx:
        return ctx.call(query, args).fetchone()[0]


def _change(query: str, values) -> tuple[object, str | None]:
    try:
        with api_request(read_only=False) as ctx:
            return ctx.call(query, values).fetchone()[0], None
    except psycopg2.Error as exc:
        return None, exc.diag.message_primary or "That did not work"


def _said(refused: str | None, done: str) -> None:
    flash(refused or done, "error" if refused else "success")


@blueprint.get("/")
def courses():
    return render_template("admin/courses.html", courses=_page("select api.admin_courses_page()"))


@blueprint.post("/courses")
def create_course():
    form = request.form
    created, refused = _change(
        "select api.create_course(offering => %s, display_name => %s, timezone => %s, institution => %s)",
        (form.get("offering", "").strip(), form.get("display_name", ""), form.get("timezone") or "America/Los_Angeles",
         form.get("institution", "")))
    _said(refused, f"Created {form.get('offering', '').strip()}. Enroll its instructors from its roster.")
    if refused:
        return redirect(url_for("admin.courses"))
    return redirect(url_for("staff.roster", offering=created["offering"]))


@blueprint.get("/users")
def users():
    return render_template("admin/users.html", page=_page("select api.admin_users_page(query => %s)",
                                                          request.args.get("q", "")))


@blueprint.post("/users/update")
def update_user():
    form = request.form
    email = form.get("email", "")
    saved, refused = _change(
        "select api.admin_update_user(email => %s, new_email => %s, name => %s, is_admin => %s)",
        (email, form.get("new_email") or None, form.get("name"),
         (form.get("is_admin") == "on") if "has-is_admin" in form else None))
    _said(refused, f"Saved {(saved or {}).get('email')}. A change of admin rights applies from their next sign-in.")
    return redirect(url_for("admin.users", q=(saved or {}).get("email") or email))


@blueprint.get("/clients")
def clients():
    return render_template("admin/clients.html", clients=_page("select api.admin_clients_page()"))


@blueprint.post("/clients")
def save_client():
    """Register or change a client; a new secret is shown once, on the page this answers."""
    form = request.form
    uris = form.get("redirect_uris")
    saved, refused = _change(
        "select api.admin_save_client(client_id => %s, name => %s, redirect_uris => %s, confidential => %s, "
        "active => %s, rotate_secret => %s, register => %s)",
        (form.get("client_id", "").strip(), form.get("name") or None,
         None if uris is None else uris.split(),
         (form.get("confidential") == "on") if "has-confidential" in form else None,
         {"on": True, "off": False}.get(form.get("active", "")), form.get("rotate_secret") == "on",
         form.get("register") == "on"))
    if refused:
        flash(refused, "error")
        return redirect(url_for("admin.clients"))
    flash(f"Saved the client {saved['client_id']}.", "success")
    return render_template("admin/clients.html", clients=_page("select api.admin_clients_page()"),
                           new_secret=saved["secret"], secret_for=saved["client_id"])


@blueprint.get("/jobs")
def jobs():
    return render_template("admin/jobs.html", page=_page("select api.admin_jobs_page()"))


@blueprint.get("/analytics")
def analytics():
    return render_template("admin/analytics.html", page=_page("select api.admin_analytics_page()"))


@blueprint.post("/analytics/refresh")
def refresh_analytics():
    started, refused = _change("select api.start_analytics_refresh()", ())
    if refused:
        flash(refused, "error")
        return redirect(url_for("admin.analytics"))
    flash("Refreshing the analytics snapshots: this page shows the job's progress.", "success")
    return redirect(url_for("staff.job", job_id=started["job_id"]))


@blueprint.post("/analytics/min-cell")
def set_min_cell():
    _, refused = _change("select api.set_analytics_min_cell(size => %s)", (request.form.get("size", type=int),))
    _said(refused, "Saved. It applies from the next refresh of the snapshots.")
    return redirect(url_for("admin.analytics"))


@blueprint.post("/analytics/export")
def research_export():
    started, refused = _change("select api.start_research_export(offering => %s)", (request.form.get("offering", ""),))
    if refused:
        flash(refused, "error")
        return redirect(url_for("admin.analytics"))
    flash("Started the research export: this page shows its progress, then the download.", "success")
    return redirect(url_for("staff.job", job_id=started["job_id"]))


@blueprint.get("/versions")
def versions():
    return render_template("admin/versions.html", versions=_page("select api.admin_versions_page()"))


@blueprint.post("/versions")
def set_version():
    form = request.form
    _, refused = _change("select api.set_client_version(name => %s, version => %s, download_link => %s)",
                         (form.get("name", "").strip(), form.get("version", "").strip(),
                          form.get("download_link") or None))
    _said(refused, f"{form.get('name')} is now at version {form.get('version')}.")
    return redirect(url_for("admin.versions"))
