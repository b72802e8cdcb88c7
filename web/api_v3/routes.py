"""The /api/v3 routes ok-client, the autograder and staff scripts use, as data.

Each route names one ``api`` function. Path parts (``<name>``, ``<email>``, ...) and the
listed query options reach the function as ``x-ok-<part>`` request headers; JSON or form
body fields reach it as named parameters. deploy/nginx.conf maps the same table onto
PostgREST's /rpc endpoints; tests/py/test_nginx.py checks that both agree.
"""

from __future__ import annotations

from dataclasses import dataclass

ASSIGNMENT = "<assignment:name>"
OFFERING = "<offering:offering>"


@dataclass(frozen=True)
class Route:
    method: str
    rule: str
    function: str
    query: tuple[str, ...] = ()


ROUTES: tuple[Route, ...] = (
    Route("GET", "/api/v3/", "v3_info"),
    Route("GET", "/api/v3/version/", "v3_version_get"),
    Route("GET", "/api/v3/version/<name>", "v3_version_get"),
    Route("POST", "/api/v3/version/<name>", "v3_version_post"),
    Route("POST", "/api/v3/backups/", "v3_backups_post", ("client_name", "client_version")),
    Route("GET", "/api/v3/backups/<key>/", "v3_backup_get"),
    Route("GET", "/api/v3/backups/<key>/comment/", "v3_comments_get"),
    Route("POST", "/api/v3/backups/<key>/comment/", "v3_comments_post"),
    Route("POST", "/api/v3/revision/", "v3_revision_post", ("client_name", "client_version")),
    Route("GET", f"/api/v3/assignment/{ASSIGNMENT}", "v3_assignment_get"),
    Route("POST", f"/api/v3/assignment/{ASSIGNMENT}", "v3_assignment_post"),
    Route("GET", f"/api/v3/assignment/{ASSIGNMENT}/group/<email>", "v3_group_get"),
    Route("GET", f"/api/v3/assignment/{ASSIGNMENT}/export/<email>", "v3_export_get", ("limit", "offset")),
    Route("GET", f"/api/v3/assignment/{ASSIGNMENT}/submissions/", "v3_submissions_get", ("limit", "offset")),
    Route("GET", "/api/v3/user/", "v3_user_get"),
    Route("GET", "/api/v3/user/<email>", "v3_user_get"),
    Route("GET", "/api/v3/enrollment/<email>/", "v3_enrollment_get"),
    Route("POST", "/api/v3/score/", "v3_score_post"),
    Route("GET", f"/api/v3/course/{OFFERING}/enrollment", "v3_course_enrollment_get"),
    Route("GET", f"/api/v3/course/{OFFERING}/roster", "v3_course_roster_get"),
    Route("GET", f"/api/v3/course/{OFFERING}/grades", "v3_course_grades_get"),
    Route("GET", f"/api/v3/course/{OFFERING}/assignments", "v3_course_assignments_get"),
    Route("GET", f"/api/v3/course/{OFFERING}/export/enrollment", "v3_course_enrollment_get", ("export_token",)),
    Route("GET", f"/api/v3/course/{OFFERING}/export/roster", "v3_course_roster_get", ("export_token",)),
    Route("GET", f"/api/v3/course/{OFFERING}/export/grades", "v3_course_grades_get", ("export_token",)),
)
