"""Background jobs from the web: a course's jobs page, one job's page with live progress and
its log, starting exports and a test job, cancelling and retrying, and downloading a job's
file. Each route is one api call under the signed-in user's role; the database decides who
may, names the file and says why not. Live progress is htmx polling a server-rendered
fragment every 2 seconds while the job is active (the fragment stops asking once it ends).
A download streams the file a chunk per request (api.job_download_chunk), so no web process
holds a whole export and any of them serves a file any worker wrote."""

from __future__ import annotations

from urllib.parse import quote

from flask import Response, flash, redirect, render_template, request, stream_with_context, url_for

from web.request_db import api_request
from web.staff import _change, _htmx, _page, blueprint


def _started(answer: dict | None, refused: str | None, back: str):
    if refused:
        flash(refused, "error")
        return redirect(back)
    flash("Started: this page shows its progress.", "success")
    return redirect(url_for("staff.job", job_id=answer["job_id"]))


@blueprint.get("/<offering:offering>/jobs")
def jobs(offering: str):
    page = _page("select api.jobs_page(offering => %s)", offering)
    template = "staff/_jobs_table.html" if _htmx() else "staff/jobs.html"
    return render_template(template, offering=offering, page=page)


@blueprint.post("/<offering:offering>/jobs/test")
def start_test_job(offering: str):
    answer, refused = _change("select api.start_test_job(offering => %s, seconds => %s, fail => %s)",
                              (offering, request.form.get("seconds", 5, type=int), request.form.get("fail") == "on"))
    return _started(answer, refused, url_for("staff.jobs", offering=offering))


@blueprint.post("/<offering:offering>/exports")
def export_course(offering: str):
    answer, refused = _change("select api.start_export(target => %s, what => %s)",
                              (offering, request.form.get("what", "")))
    return _started(answer, refused, url_for("staff.jobs", offering=offering))


@blueprint.post("/<assignment:name>/exports")
def export_assignment(name: str):
    answer, refused = _change("select api.start_export(target => %s, what => %s, anonymized => %s)",
                              (name, request.form.get("what", ""), request.form.get("anonymized") == "on"))
    return _started(answer, refused, url_for("staff.assignment", name=name))


@blueprint.post("/<assignment:name>/autograde")
def autograde_assignment(name: str):
    """Every final submission to the course's autograder (the assignment page)."""
    answer, refused = _change("select api.start_autograde(assignment => %s)", (name,))
    return _started(answer, refused, url_for("staff.assignment", name=name))


@blueprint.post("/<assignment:name>/grade/<key>/autograde")
def autograde_backup(name: str, key: str):
    """One backup to the autograder, at high priority (the grading page)."""
    answer, refused = _change("select api.start_autograde(assignment => %s, backup => %s)", (name, key))
    return _started(answer, refused, url_for("staff.grade", name=name, key=key))


@blueprint.get("/jobs/<int:job_id>")
def job(job_id: int):
    page = _page("select api.job_page(job_id => %s)", job_id)
    template = "staff/_job_live.html" if _htmx() else "staff/job.html"
    return render_template(template, job=page)


@blueprint.post("/jobs/<int:job_id>/cancel")
def cancel_job(job_id: int):
    answer, refused = _change("select api.cancel_job(job_id => %s)", (job_id,))
    flash(refused or ("Cancelled." if answer["state"] == "cancelled" else
                      "Asked the worker to stop: the job ends at its next report."),
          "error" if refused else "success")
    return redirect(url_for("staff.job", job_id=job_id))


@blueprint.post("/jobs/<int:job_id>/retry")
def retry_job(job_id: int):
    answer, refused = _change("select api.retry_job(job_id => %s)", (job_id,))
    return _started(answer, refused, url_for("staff.job", job_id=job_id))


@blueprint.get("/jobs/<int:job_id>/download")
def download_job_file(job_id: int):
    described = _page("select api.job_download(job_id => %s)", job_id)

    def chunks():
        for seq in range(described["chunks"]):
            with api_request() as ctx:
                data = ctx.call("select api.job_download_chunk(job_id => %s, seq => %s)", (job_id, seq)).fetchone()[0]
            yield bytes(data)

    name = described["file_name"]
    fallback = name.encode("ascii", "replace").decode().replace('"', "")
    return Response(stream_with_context(chunks()), mimetype=described["file_type"], headers={
        "Content-Length": str(described["file_bytes"]),
        "Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}",
    })

