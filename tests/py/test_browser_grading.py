"""The grading workspace in a real browser (Debian's Chromium, Playwright): a TA reaches their
queue from the navigation, opens the next task, comments on a line through the htmx fragment
(saving the comment to the bank, then using it with one click), sees a refusal in the
database's words, applies rubric items and saves and grades next until the queue is empty;
a TA changes a rubric item's points and every score that used it follows; a student asks for
a regrade and sees the staff's resolution;
no Content-Security-Policy violation on the way (htmx runs without eval or inline styles)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.py import dbutil
from tests.py.conftest import scalar
from tests.py.live import LiveServer
from tests.py.test_browser import page, sign_in  # noqa: F401 (the page fixture)
from web import create_app

HW = "cal/cs61a/fa26/hw01"


@pytest.fixture
def server(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("update app.messages set contents = %s where kind = 'file_contents'",
                    ('{"hw01.py": "def square(x):\\n    return x * x\\n"}',))
        cur.execute("insert into app.grading_tasks (assignment_id, course_id, backup_id, grader_id, kind) "
                    "select b.assignment_id, b.course_id, b.id, (select id from app.users where email = 'ta@a.edu'), "
                    "'composition' from app.backups b join app.assignments a on a.id = b.assignment_id "
                    "where a.name = %s and b.submit order by b.id", (HW,))
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    with LiveServer(app) as live:
        yield live
    app.extensions["okv3_database"].close()


def make_rubric(admin_conn) -> None:
    """A composition rubric on hw01, 0 to 10: +3 good names, -1 long lines."""
    with admin_conn.cursor() as cur:
        cur.execute("insert into app.rubrics (assignment_id, course_id, kind, min_points, max_points) "
                    "select id, course_id, 'composition', 0, 10 from app.assignments where name = %s", (HW,))
        cur.execute("insert into app.rubric_items (rubric_id, course_id, position, points, description) "
                    "select r.id, r.course_id, p.position, p.points, p.description from app.rubrics r "
                    "cross join (values (1, 3, 'Good names'), (2, -1, 'Long lines')) p (position, points, description)")


def test_a_ta_works_through_the_queue(server, page, admin_conn):  # noqa: F811 (page is a fixture)
    make_rubric(admin_conn)
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    sign_in(page, server.url, "ta@a.edu")
    # From the navigation: Teaching, the course, the assignment, my queue.
    page.click(".app-sidebar >> text=Teaching")
    page.click(".app-main >> text=CS 61A")
    page.click("a:text-is('hw01')")
    page.click("text=My queue")
    expect(page.locator("body")).to_contain_text("2 of 2 left in your queue")
    page.click("text=Grade next")

    for graded in range(2):
        expect(page.locator(".app-content-header h3")).to_contain_text("Grading")
        expect(page.locator("span.k").first).to_have_text("def")  # highlighted on the server
        # A comment on line 2, through the fragment htmx fetches and posts.
        view_url = page.url
        page.locator('tr[id="hw01.py-L2"] a').click()
        form = page.locator("tr.okv3-comment-form")
        expect(form).to_contain_text("Comment on hw01.py line 2")
        if graded == 0:  # write a comment and save it to the bank
            form.locator("textarea").fill("Why **multiply**?")
            form.locator("input[name=save_to_bank]").check()
            form.locator("button:text-is('Comment')").click()
        else:  # use the saved one: one click
            form.locator("button.okv3-bank").first.click()
        expect(page.locator("tr.okv3-comment strong").last).to_have_text("multiply")
        # in place: htmx swapped fragments into the page; no navigation, no flash message
        assert page.url == view_url
        expect(page.locator(".alert-success", has_text="Comment added")).to_have_count(0)
        expect(page.locator('tr[id="hw01.py-L2"] + tr.okv3-comment')).to_have_count(1)
        # A refusal is the database's words.
        typed = page.locator("form:has(#score-value)")
        page.fill("#score-value", "ten")
        typed.locator("text=Save and grade next").click()
        expect(page.locator(".alert-danger")).to_contain_text("The score must be a number, not 'ten'")
        if graded == 0:  # the first by rubric: an item ticked, with a note
            rubric = page.locator("#rubric-composition")
            rubric.locator("label", has_text="Good names").click()
            rubric.locator("input[aria-label^='Note on item']").first.fill("square is a fine name")
            rubric.locator("text=Save and grade next").click()
            expect(page.locator(".alert-success")).to_contain_text("Saved: composition 3")
        else:
            page.fill("#score-value", str(3 + graded))
            page.locator("form:has(#score-value) >> text=Save and grade next").click()

    expect(page.locator("body")).to_contain_text("Your queue is done")
    assert scalar(admin_conn, "select count(*) from app.grading_tasks where score_id is null") == 0
    # the scores page, from the assignment page: a distribution chart drawn by Chart.js
    page.click(f".app-content-header a:text-is('{HW}')")
    page.click(".app-content-header >> text=scores")
    expect(page.locator("body")).to_contain_text("Units (2)")
    chart = page.locator("canvas[data-chart]").first
    expect(chart).to_be_visible()
    assert page.evaluate("Chart.getChart(document.querySelector('canvas[data-chart]')) !== undefined")
    assert scalar(admin_conn, "select count(*) from app.comments") == 2
    assert scalar(admin_conn, "select uses from app.comment_bank") == 1, "the bank counts its use"
    assert scalar(admin_conn, "select string_agg(note, ',') from app.score_rubric_items") == "square is a fine name"
    assert violations == []


def test_changing_a_rubric_item_rescores_every_score_that_used_it(server, page, admin_conn):  # noqa: F811
    make_rubric(admin_conn)
    with admin_conn.cursor() as cur:  # both submissions graded by rubric: good names, 3 each
        cur.execute("insert into app.scores (backup_id, assignment_id, course_id, user_id, grader_id, kind, value, "
                    "rubric_id) select b.id, b.assignment_id, b.course_id, b.submitter_id, "
                    "(select id from app.users where email = 'reader@a.edu'), 'composition', 3, r.id "
                    "from app.backups b join app.rubrics r on r.assignment_id = b.assignment_id where b.submit")
        cur.execute("insert into app.score_rubric_items (score_id, item_id, course_id) select s.id, i.id, s.course_id "
                    "from app.scores s join app.rubric_items i on i.description = 'Good names'")
    sign_in(page, server.url, "ta@a.edu")
    page.click(".app-sidebar >> text=Teaching")
    page.click(".app-main >> text=CS 61A")
    page.click("a:text-is('hw01')")
    page.click(".app-content-header >> text=rubrics")
    row = page.locator("tr", has=page.locator("input[value='Good names']"))
    expect(row.locator("td").nth(1)).to_have_text("2")  # used by both scores
    row.locator("input[name=points]").fill("5")
    row.locator("button:text-is('Save')").click()
    expect(page.locator(".alert-success")).to_contain_text("Item saved; 2 score(s) rescored.")
    # a refusal in the database's words: deleting an item in use
    page.locator("tr", has=page.locator("input[value='Good names']")).locator("text=Delete").click()
    expect(page.locator(".alert-danger")).to_contain_text("This item was applied to 4 score(s)")
    page.click(".app-content-header >> text=scores")
    expect(page.locator("table").first).to_contain_text("5")
    assert scalar(admin_conn, "select array_agg(value order by backup_id)::text from app.scores "
                              "where not archived") == "{5,5}"
    assert scalar(admin_conn, "select count(*) from app.scores where archived") == 2, "the earlier scores archived"


def test_a_student_sees_nothing_before_publication_and_everything_after(server, page, admin_conn):  # noqa: F811
    with admin_conn.cursor() as cur:
        cur.execute("insert into app.comments (backup_id, course_id, author_id, filename, line, message) "
                    "select b.id, b.course_id, (select id from app.users where email = 'ta@a.edu'), 'hw01.py', 2, "
                    "'Why **multiply**?' from app.backups b join app.users u on u.id = b.submitter_id "
                    "where u.email = 's1@a.edu' and b.submit")
        cur.execute("insert into app.scores "
                    "(backup_id, assignment_id, course_id, user_id, grader_id, kind, value, message) "
                    "select b.id, b.assignment_id, b.course_id, b.submitter_id, "
                    "(select id from app.users where email = 'ta@a.edu'), 'composition', 4, 'Well named' "
                    "from app.backups b join app.users u on u.id = b.submitter_id "
                    "where u.email = 's1@a.edu' and b.submit")

    def student_view():
        sign_in(page, server.url, "s1@a.edu")
        page.click(".app-main >> text=CS 61A")  # the dashboard links the course, the course its assignments
        page.click("a:text-is('hw01')")
        scores = page.locator(".card", has_text="Scores").first.inner_text()
        page.locator("tr", has_text="submission").locator("a").first.click()
        expect(page.locator('tr[id="hw01.py-L2"]')).to_be_visible()
        comments = page.locator("tr.okv3-comment").count()
        page.click("nav.app-header >> text=Sign out")
        return scores, comments

    scores, comments = student_view()
    assert "composition" not in scores and comments == 0, "nothing before publication"

    sign_in(page, server.url, "instructor@a.edu")
    page.click(".app-sidebar >> text=Teaching")
    page.click(".app-main >> text=CS 61A")
    page.click("a:text-is('hw01')")
    page.fill("input[aria-label='Kind of score to publish']", "composition")
    page.click("text=Publish")
    expect(page.locator(".alert-success")).to_contain_text("Students now see their composition scores")
    page.click("nav.app-header >> text=Sign out")

    scores, comments = student_view()
    assert "composition 4" in scores and "Well named" in scores and comments == 1, "everything after"


def test_a_reader_grades_but_cannot_publish(server, page, admin_conn):  # noqa: F811
    with admin_conn.cursor() as cur:
        cur.execute("update app.grading_tasks set grader_id = (select id from app.users where email = 'reader@a.edu')")
    sign_in(page, server.url, "reader@a.edu")
    page.click(".app-sidebar >> text=Teaching")
    page.click(".app-main >> text=CS 61A")
    page.click("text=Grade next")  # from "My grading" on the course page
    page.fill("#score-value", "3")
    page.click("text=Save and grade next")
    expect(page.locator(".alert-success")).to_contain_text("Saved: composition 3")
    page.click(".app-content-header >> text=queue")
    page.click(f".app-content-header a:text-is('{HW}')")
    page.click(".app-content-header >> text=scores")
    page.click("text=Publish to students")
    expect(page.locator(".alert-danger")).to_contain_text("Only TAs and instructors can publish scores")
    assert scalar(admin_conn, "select published_score_kinds from app.assignments where name = %s", (HW,)) == ["total"]


def test_a_regrade_request_from_request_to_resolution(server, page, admin_conn):  # noqa: F811
    with admin_conn.cursor() as cur:  # s1's submission scored 4 for composition, published
        cur.execute("insert into app.scores (backup_id, assignment_id, course_id, user_id, grader_id, kind, value, "
                    "message) select b.id, b.assignment_id, b.course_id, b.submitter_id, "
                    "(select id from app.users where email = 'ta@a.edu'), 'composition', 4, 'Fine' "
                    "from app.backups b join app.users u on u.id = b.submitter_id "
                    "where u.email = 's1@a.edu' and b.submit")
        cur.execute("update app.assignments set published_score_kinds = '{composition}' where name = %s", (HW,))

    def student_assignment_page():
        sign_in(page, server.url, "s1@a.edu")
        page.click(".app-main >> text=CS 61A")
        page.click("a:text-is('hw01')")
        return page.locator(".card", has_text="Scores").first

    scores = student_assignment_page()
    scores.locator("summary:text-is('Ask for a regrade')").click()
    scores.locator("textarea[name=reason]").fill("My names are clear")
    scores.locator("text=Send the request").click()
    expect(page.locator(".alert-success")).to_contain_text("Your regrade request for composition was sent")
    expect(page.locator(".okv3-regrade")).to_contain_text("waiting for the staff")
    expect(page.locator("summary:text-is('Ask for a regrade')")).to_have_count(0)  # one open at a time
    page.click("nav.app-header >> text=Sign out")

    sign_in(page, server.url, "ta@a.edu")  # the request is in the TA's queue (the task is theirs)
    page.click(".app-sidebar >> text=Teaching")
    page.click(".app-main >> text=CS 61A")
    page.click("a:text-is('hw01')")
    page.click("text=My queue")
    card = page.locator("#regrades")
    expect(card).to_contain_text("My names are clear")
    card.locator("button:text-is('Resolve')").click()  # neither a reply nor a score: refused
    expect(page.locator(".alert-danger")).to_contain_text("Reply to the student, or give a new score")
    card = page.locator("#regrades")
    card.locator("textarea[name=reply]").fill("Agreed: **clear**.")
    card.locator("input[name=score]").fill("6")
    card.locator("button:text-is('Resolve')").click()
    expect(page.locator(".alert-success")).to_contain_text("Regrade request resolved: the new score is 6")
    page.click(".app-content-header >> text=scores")  # and it is listed, resolved, on the scores page
    expect(page.locator("#regrades")).to_contain_text("new score 6")
    page.click("nav.app-header >> text=Sign out")

    scores = student_assignment_page()
    expect(page.locator(".okv3-regrade")).to_contain_text("resolved")
    expect(page.locator(".okv3-regrade")).to_contain_text("new score 6")
    expect(page.locator(".okv3-regrade strong", has_text="clear")).to_have_count(1)
    expect(scores).to_contain_text("composition 6")
    assert scalar(admin_conn, "select string_agg(action, ',' order by id) from app.audit_log "
                              "where table_name = 'regrade_requests'") == "insert,update"
