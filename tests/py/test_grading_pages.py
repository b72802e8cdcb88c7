"""The grading workspace through the web: a grader's queue, the grading view of a backup
(highlighted code, line anchors, diffs, the unit's timeline), comments through htmx
fragments, scores with "save and grade next", and the database's refusals shown as they are.
Also the weight of the view: a 10-file, 2,000-line submission stays under 500 KB of HTML with
no per-line forms."""

from __future__ import annotations

import io
import re

import pytest

from tests.py import dbutil
from tests.py.conftest import scalar
from tests.py.live import csrf_token, signed_in_client
from web import create_app

HW = "cal/cs61a/fa26/hw01"


@pytest.fixture
def app(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("update app.assignments set template_files = '{\"hw01.py\": \"print(0)\"}' where name = %s", (HW,))
        # both final submissions in the TA's queue
        cur.execute("insert into app.grading_tasks (assignment_id, course_id, backup_id, grader_id, kind) "
                    "select b.assignment_id, b.course_id, b.id, (select id from app.users where email = 'ta@a.edu'), "
                    "'composition' from app.backups b join app.assignments a on a.id = b.assignment_id "
                    "where a.name = %s and b.submit order by b.id", (HW,))
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    yield app
    app.extensions["okv3_database"].close()


def keys(admin_conn) -> list[str]:
    with admin_conn.cursor() as cur:
        cur.execute("select app.hashid_encode(backup_id) from app.grading_tasks order by id")
        return [row[0] for row in cur.fetchall()]


def test_the_queue_shows_my_tasks_progress_and_grade_next(app, admin_conn):
    html = signed_in_client(app, "ta@a.edu").get(f"/staff/{HW}/queue").get_data(as_text=True)
    first = keys(admin_conn)[0]
    assert "2 of 2 left in your queue" in html
    assert f'href="/staff/{HW}/grade/{first}/" accesskey="n">Grade next' in html
    assert "s1@a.edu" in html and "s2@a.edu" in html
    assert '<progress class="w-100" value="0" max="2"' in html
    # and across the course, on the course page
    course = signed_in_client(app, "ta@a.edu").get("/staff/cal/cs61a/fa26/").get_data(as_text=True)
    assert "My grading" in course and f'href="/staff/{HW}/grade/{first}/">Grade next' in course


def test_the_grading_view_highlights_escapes_and_anchors_lines(app, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("update app.messages m set contents = %s from app.backups b "
                    "where m.backup_id = b.id and m.kind = 'file_contents'",
                    ('{"hw01.py": "def f(x):\\n    return \\"<script>alert(1)</script>\\"\\n"}',))
    first = keys(admin_conn)[0]
    html = signed_in_client(app, "ta@a.edu").get(f"/staff/{HW}/grade/{first}/").get_data(as_text=True)
    assert '<span class="k">def</span>' in html, "server-side highlighting with CSS classes"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert '<tr id="hw01.py-L2"><td><a href="comment?f=hw01.py&amp;l=2">2</a>' in html
    assert "Timeline of the unit" in html and "counts" in html


def test_the_diff_against_the_template(app, admin_conn):
    first = keys(admin_conn)[0]
    html = signed_in_client(app, "ta@a.edu").get(f"/staff/{HW}/grade/{first}/?compare=template").get_data(as_text=True)
    assert 'class="okv3-ddel"' in html and 'class="okv3-dadd"' in html
    assert "@@ -1 +1 @@" in html or "@@ -1,1 +1,1 @@" in html


def test_comments_through_htmx_fragments(app, admin_conn):
    ta = signed_in_client(app, "ta@a.edu")
    first = keys(admin_conn)[0]
    page = ta.get(f"/staff/{HW}/grade/{first}/").get_data(as_text=True)
    form = ta.get(f"/staff/{HW}/grade/{first}/comment?f=hw01.py&l=1",
                  headers={"HX-Request": "true"}).get_data(as_text=True)
    assert form.startswith("\n<tr") or form.lstrip().startswith("<tr"), "a fragment, not a page"
    assert "Comment on hw01.py line 1" in form
    added = ta.post(f"/staff/{HW}/grade/{first}/comments", headers={"HX-Request": "true"},
                    data={"csrf_token": csrf_token(page), "filename": "hw01.py", "line": "1",
                          "message": "Use a **name**"}).get_data(as_text=True)
    assert "<strong>name</strong>" in added and "ta@a.edu" in added and "<html" not in added
    refused = ta.post(f"/staff/{HW}/grade/{first}/comments", headers={"HX-Request": "true"},
                      data={"csrf_token": csrf_token(page), "filename": "nothere.py", "line": "999",
                            "message": "hi"}).get_data(as_text=True)
    assert "The backup has no line 999 in nothere.py" in refused
    assert scalar(admin_conn, "select count(*) from app.comments") == 1
    comment_id = scalar(admin_conn, "select id from app.comments")
    gone = ta.post(f"/staff/comments/{comment_id}/delete", headers={"HX-Request": "true"},
                   data={"csrf_token": csrf_token(page)})
    assert gone.status_code == 200 and gone.get_data(as_text=True) == ""
    assert scalar(admin_conn, "select count(*) from app.comments") == 0


def test_save_and_grade_next_until_the_queue_is_done(app, admin_conn):
    ta = signed_in_client(app, "ta@a.edu")
    first, second = keys(admin_conn)
    page = ta.get(f"/staff/{HW}/grade/{first}/").get_data(as_text=True)
    refused = ta.post(f"/staff/{HW}/grade/{first}/score", data={
        "csrf_token": csrf_token(page), "kind": "composition", "score": "ten", "then": "next"}, follow_redirects=True)
    assert "The score must be a number, not &#39;ten&#39;" in refused.get_data(as_text=True)
    moved = ta.post(f"/staff/{HW}/grade/{first}/score", data={
        "csrf_token": csrf_token(page), "kind": "composition", "score": "2", "message": "ok", "then": "next"})
    assert moved.headers["Location"].endswith(f"/staff/{HW}/grade/{second}/")
    done = ta.post(f"/staff/{HW}/grade/{second}/score", data={
        "csrf_token": csrf_token(page), "kind": "composition", "score": "1", "then": "next"}, follow_redirects=True)
    assert "Your queue is done" in done.get_data(as_text=True)
    assert scalar(admin_conn, "select count(*) from app.grading_tasks where score_id is null") == 0


def test_a_student_cannot_open_the_grading_view(app, admin_conn):
    first = keys(admin_conn)[0]
    refused = signed_in_client(app, "s1@a.edu").get(f"/staff/{HW}/grade/{first}/")
    assert refused.status_code == 403
    assert "This page is for the staff of cal/cs61a/fa26" in refused.get_data(as_text=True)


def test_a_large_submission_stays_light(app, admin_conn):
    # 10 files of 200 lines each (2,000 lines of Python), with comments on some lines
    files = {f"part{n}.py": "\n".join(f"def f{i}(x):  # line {i}\n    return x * {i}" for i in range(100))
             for n in range(10)}
    with admin_conn.cursor() as cur:
        cur.execute("update app.messages m set contents = %s::jsonb from app.backups b "
                    "where m.backup_id = b.id and m.kind = 'file_contents'", (__import__("json").dumps(files),))
    first = keys(admin_conn)[0]
    html = signed_in_client(app, "ta@a.edu").get(f"/staff/{HW}/grade/{first}/").get_data(as_text=True)
    assert len(html.encode()) < 500_000, len(html.encode())
    print(f"grading view of 10 files, 2,000 lines: {len(html.encode()):,} bytes")
    assert len(re.findall(r'id="part\d\.py-L\d+"', html)) == 2000
    assert html.count("<form") < 10, "no per-line forms: the comment form is fetched when a line is clicked"


def test_htmx_requests_leave_the_fragment_on_refusal_and_sign_in(app, admin_conn):
    first = keys(admin_conn)[0]
    ta = signed_in_client(app, "ta@a.edu")
    # a refused CSRF token: the error page, in place of the page's body, not silently dropped
    refused = ta.post(f"/staff/{HW}/grade/{first}/comments", headers={"HX-Request": "true"},
                      data={"csrf_token": "forged", "filename": "hw01.py", "line": "1", "message": "x"})
    assert refused.status_code == 200 and refused.headers["HX-Retarget"] == "body"
    assert "The form expired or did not come from this site" in refused.get_data(as_text=True)
    assert scalar(admin_conn, "select count(*) from app.comments") == 0
    # signed out: the whole page goes to sign in, not the sign-in page inside a table row
    gone = app.test_client().get(f"/staff/{HW}/grade/{first}/comment?f=hw01.py&l=1", headers={"HX-Request": "true"})
    assert gone.status_code == 200 and "/login/" in gone.headers["HX-Redirect"]
    assert "Location" not in gone.headers and "Content-Security-Policy" in gone.headers, "still under the policy"


def test_the_scores_page_charts_filters_and_exports(app, admin_conn):
    first, second = keys(admin_conn)
    ta = signed_in_client(app, "ta@a.edu")
    page = ta.get(f"/staff/{HW}/grade/{first}/").get_data(as_text=True)
    for key, score in ((first, "3"), (second, "5")):
        ta.post(f"/staff/{HW}/grade/{key}/score", data={"csrf_token": csrf_token(page), "kind": "composition",
                                                          "score": score, "then": "stay"})
    html = ta.get(f"/staff/{HW}/scores").get_data(as_text=True)
    assert "Units (2)" in html and "<canvas data-chart=" in html and "hidden from students" in html
    assert ta.get(f"/staff/{HW}/scores?grader=nobody@a.edu").get_data(as_text=True).count("Units (0)") == 1
    csv = ta.get(f"/staff/{HW}/scores.csv")
    assert csv.mimetype == "text/csv"
    assert csv.headers["Content-Disposition"] == ('attachment; filename="cal-cs61a-fa26-hw01-scores.csv"; '
                                                  "filename*=UTF-8''cal-cs61a-fa26-hw01-scores.csv")
    lines = csv.get_data(as_text=True).splitlines()
    assert lines[0] == "Members,Sections,Backup,Grader,composition" and len(lines) == 3
    # publish from the scores page: the database's answer, back on the same page
    done = ta.post(f"/staff/{HW}/publish_scores", data={"csrf_token": csrf_token(html), "kind": "composition",
                                                       "back": f"/staff/{HW}/scores"}, follow_redirects=True)
    assert "Students now see their composition scores" in done.get_data(as_text=True)
    assert "Hide from students" in done.get_data(as_text=True)


def test_staff_change_the_unit_from_the_grading_view(app, admin_conn):
    first = keys(admin_conn)[0]
    with admin_conn.cursor() as cur:
        cur.execute("update app.assignments set max_group_size = 2 where name = %s", (HW,))
    ta = signed_in_client(app, "ta@a.edu")
    page = ta.get(f"/staff/{HW}/grade/{first}/").get_data(as_text=True)
    token = csrf_token(page)
    submitter = scalar(admin_conn, "select u.email from app.backups b join app.users u on u.id = b.submitter_id "
                                   "where app.hashid_encode(b.id) = %s", (first,))
    other = "s2@a.edu" if submitter == "s1@a.edu" else "s1@a.edu"
    html = ta.post(f"/staff/{HW}/grade/{first}/add_to_group", data={"csrf_token": token, "email": other,
                                                                    "partner": submitter}, follow_redirects=True)
    assert f"{other} joined the unit&#39;s group" in html.get_data(as_text=True)
    assert other in html.get_data(as_text=True).split("<h3")[1], "the heading names both members now"
    refused = ta.post(f"/staff/{HW}/grade/{first}/add_to_group", data={"csrf_token": token, "email": "nobody@a.edu",
                                                                       "partner": submitter}, follow_redirects=True)
    assert "alert-danger" in refused.get_data(as_text=True)
    html = ta.post(f"/staff/{HW}/grade/{first}/set_time", data={"csrf_token": token, "at": "2020-01-01T10:00"},
                   follow_redirects=True)
    assert f"Submission time of {first} changed" in html.get_data(as_text=True)
    assert scalar(admin_conn, "select custom_submission_time is not null from app.backups "
                              "where app.hashid_encode(id) = %s", (first,))


def test_rubrics_from_the_page_to_the_grading_view_and_back(app, admin_conn):
    """A TA builds a rubric from the rubrics page (reached from the queue), a reader applies
    it in the grading view, the TA changes an item's points and the score follows; refusals
    are the database's words."""
    ta, reader = signed_in_client(app, "ta@a.edu"), signed_in_client(app, "reader@a.edu")
    queue = ta.get(f"/staff/{HW}/queue").get_data(as_text=True)
    assert f'href="/staff/{HW}/rubrics"' in queue
    page = ta.get(f"/staff/{HW}/rubrics").get_data(as_text=True)
    token = csrf_token(page)
    ta.post(f"/staff/{HW}/rubrics/add", data={"csrf_token": token, "kind": "composition", "points": "3",
                                               "description": "Uses *recursion*"})
    ta.post(f"/staff/{HW}/rubrics/add", data={"csrf_token": token, "kind": "composition", "points": "-1",
                                               "description": "Long lines"})
    refused = ta.post(f"/staff/{HW}/rubrics/add", follow_redirects=True,
                      data={"csrf_token": token, "kind": "composition", "points": "many", "description": "x"})
    assert "The points must be a number, not &#39;many&#39;" in refused.get_data(as_text=True)
    page = ta.get(f"/staff/{HW}/rubrics").get_data(as_text=True)
    assert 'value="Uses *recursion*"' in page and 'value="Long lines"' in page
    with admin_conn.cursor() as cur:
        cur.execute("select id from app.rubric_items order by id")
        recursion, long_lines = (row[0] for row in cur.fetchall())

    first = keys(admin_conn)[0]
    view = reader.get(f"/staff/{HW}/grade/{first}/").get_data(as_text=True)
    assert "Composition by rubric" in view and "<em>recursion</em>" in view
    done = reader.post(f"/staff/{HW}/grade/{first}/rubric", follow_redirects=True, data={
        "csrf_token": csrf_token(view), "kind": "composition", "item": [str(recursion), str(long_lines)],
        f"note-{long_lines}": "line 12", "then": "stay"}).get_data(as_text=True)
    assert "Saved: composition 2." in done
    assert f'id="item-{long_lines}" checked' in done and 'value="line 12"' in done

    # the reader may not change the rubric: the page says why
    refused = reader.post(f"/staff/{HW}/rubrics/items/{recursion}/edit", follow_redirects=True, data={
        "csrf_token": csrf_token(view), "points": "5", "description": "Uses *recursion*"}).get_data(as_text=True)
    assert "Only TAs and instructors can change rubrics" in refused
    changed = ta.post(f"/staff/{HW}/rubrics/items/{recursion}/edit", follow_redirects=True, data={
        "csrf_token": token, "points": "5", "description": "Uses *recursion*", "ordinal": "1"}).get_data(as_text=True)
    assert "Item saved; 1 score(s) rescored." in changed
    assert scalar(admin_conn, "select value from app.scores where not archived and kind = 'composition'") == 4
    deleted = ta.post(f"/staff/{HW}/rubrics/items/{long_lines}/delete", follow_redirects=True,
                      data={"csrf_token": token}).get_data(as_text=True)
    assert "This item was applied to 2 score(s)" in deleted


def test_staff_upload_files_for_a_student(app, admin_conn):
    """From the assignment page: a text file becomes the student's submission, shown in the
    grading view as uploaded by the TA; a file that is not text, or a stranger, changes
    nothing and says why."""
    ta = signed_in_client(app, "ta@a.edu")
    page = ta.get(f"/staff/{HW}/").get_data(as_text=True)
    assert "Submit for a student" in page and 'enctype="multipart/form-data"' in page
    token = csrf_token(page)

    def upload(email: str, name: str, content: bytes):
        return ta.post(f"/staff/{HW}/upload", follow_redirects=True, content_type="multipart/form-data", data={
            "csrf_token": token, "email": email, "submit": "on", "back": f"/staff/{HW}/",
            "files": (io.BytesIO(content), name)}).get_data(as_text=True)

    assert "Not a text file (UTF-8): logo.png. Nothing was uploaded." in upload("s1@a.edu", "logo.png", b"\x89PNG\xff")
    assert "nobody@x.edu is not a student of cal/cs61a/fa26" in upload("nobody@x.edu", "hw01.py", b"print(3)")
    assert scalar(admin_conn, "select count(*) from app.backups where creator_id is not null") == 0
    shown = upload("s1@a.edu", "hw01.py", b"print(3)\n")
    assert "Uploaded 1 file(s) as a submission of s1@a.edu." in shown
    assert "uploaded by ta@a.edu" in shown and '<span class="mi">3</span>' in shown


def test_a_student_diffs_their_submission_and_walks_their_timeline(app, admin_conn):
    """The student's backup page: older/newer links through their own backups, and a diff
    against the template with the same highlighting as the grading view."""
    student = signed_in_client(app, "s1@a.edu")
    page = student.get(f"/{HW}/").get_data(as_text=True)
    assert re.search(rf'href="/{HW}/submissions/\w+/\?compare=previous"', page), "the newest links its diff"
    assert not re.search(rf'href="/{HW}/backups/\w+/\?compare=previous"', page), "the oldest has nothing before it"
    key = re.search(rf'href="/{HW}/submissions/(\w+)/"', page).group(1)
    shown = student.get(f"/{HW}/submissions/{key}/?compare=template").get_data(as_text=True)
    assert 'class="okv3-ddel"' in shown and 'class="okv3-dadd"' in shown
    assert '<strong class="me-2">the template</strong>' in shown
    older = re.search(rf'href="/{HW}/backups/(\w+)/\?compare=template" accesskey="o"', shown)
    assert older, "a link to the student's older backup, keeping the comparison"
    assert student.get(f"/{HW}/backups/{older.group(1)}/").status_code == 200
