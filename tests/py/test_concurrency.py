"""Invariants under concurrent requests, with real concurrent sessions: two group-mates
flagging different backups at the same moment leave exactly one flag; two students racing to
put the same classmate into their groups leave that classmate in one group; uploads, flags,
unflags and group changes racing each other leave each submitter's own backup that counts
(app.submitter_finals, kept by triggers) equal to a recomputation from scratch; scores,
flags and group changes racing each other leave each student's shared best scores
(app.shared_best_scores, kept by triggers) equal to a recomputation from scratch; a batch
of extension grants racing a denial of one of its requests grants nothing."""

from __future__ import annotations

import threading

import psycopg2
import pytest

from tests.py import dbutil
from tests.py.conftest import scalar
from web.db import Database


@pytest.fixture
def setup(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("update app.assignments set max_group_size = 2 where name = 'cal/cs61a/fa26/hw01'")
        cur.execute("insert into app.users (email) values ('s3@a.edu')")
        cur.execute("insert into app.enrollments (user_id, course_id, role) select u.id, c.id, 'student' "
                    "from app.users u, app.courses c where u.email = 's3@a.edu' and c.offering = 'cal/cs61a/fa26'")
    database = Database(dbutil.authenticator_url_for(db[0]), max_connections=8)
    yield database
    database.close()


def _claims(admin_conn, email):
    return dbutil.session_claims(admin_conn, email)


def _race(calls):
    """Run the calls at the same moment on separate connections; collect errors."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        barrier.wait()
        try:
            call()
        except psycopg2.Error as exc:
            errors.append(exc.pgcode)

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return errors


@pytest.mark.parametrize("attempt", range(5))
def test_two_members_flagging_at_once_leave_one_flag(setup, admin_conn, attempt):
    with admin_conn.cursor() as cur:
        cur.execute("insert into app.groups (assignment_id, course_id) select id, course_id from app.assignments "
                    "where name = 'cal/cs61a/fa26/hw01' returning id")
        gid = cur.fetchone()[0]
        cur.execute("insert into app.group_members (assignment_id, user_id, group_id, status) "
                    "select g.assignment_id, u.id, g.id, 'active' from app.groups g, app.users u "
                    "where g.id = %s and u.email in ('s1@a.edu', 's2@a.edu')", (gid,))
        cur.execute("select u.email, app.hashid_encode(b.id) from app.backups b "
                    "join app.users u on u.id = b.submitter_id "
                    "where u.email in ('s1@a.edu', 's2@a.edu') and b.submit")
        keys = dict(cur.fetchall())

    def flag(email):
        def call():
            with setup.request(_claims(admin_conn, email), method="POST") as ctx:
                # Each flags their own backup: without the lock both would stay flagged.
                ctx.call("select api.flag_backup(key => %s)", (keys[email],))
        return call

    assert _race([flag("s1@a.edu"), flag("s2@a.edu")]) == []
    flagged = scalar(admin_conn, "select count(*) from app.backups b join app.users u on u.id = b.submitter_id "
                                 "where b.flagged and u.email in ('s1@a.edu', 's2@a.edu')")
    assert flagged == 1


@pytest.mark.parametrize("attempt", range(5))
def test_racing_invitations_cannot_put_a_student_in_two_groups(setup, admin_conn, attempt):
    def invite(inviter):
        def call():
            with setup.request(_claims(admin_conn, inviter), method="POST") as ctx:
                ctx.call("select api.group_invite(assignment => 'cal/cs61a/fa26/hw01', email => 's3@a.edu')")
        return call

    errors = _race([invite("s1@a.edu"), invite("s2@a.edu")])
    assert errors == ["PT422"], "one invitation wins; the other is told s3 is already in a group"
    assert scalar(admin_conn, "select count(*) from app.group_members m join app.users u on u.id = m.user_id "
                              "where u.email = 's3@a.edu'") == 1
    assert scalar(admin_conn, "select count(*) from app.groups") == 1, "the loser's new group was rolled back"


# Each submitter's backup that counts, recomputed from scratch with the one rule
# (app.counting_backup), against what the triggers kept in app.submitter_finals.
SUMMARY_DRIFT = """
    with recomputed as (
      select p.assignment_id, p.submitter_id, c.backup_id
      from (select distinct b.assignment_id, b.submitter_id from app.backups as b) as p
      cross join lateral app.counting_backup(array(
        select b.id from app.backups as b where b.assignment_id = p.assignment_id and b.submitter_id = p.submitter_id
      )) as c
    ),
    kept as (select s.assignment_id, s.submitter_id, s.backup_id from app.submitter_finals as s)
    select count(*) from ((table recomputed except table kept) union all (table kept except table recomputed)) as d
"""


@pytest.mark.parametrize("attempt", range(10))
def test_racing_uploads_flags_and_group_changes_keep_the_summary_exact(setup, admin_conn, attempt):
    hw = "cal/cs61a/fa26/hw01"
    with admin_conn.cursor() as cur:
        cur.execute("insert into app.groups (assignment_id, course_id) select id, course_id from app.assignments "
                    "where name = %s returning id", (hw,))
        gid = cur.fetchone()[0]
        cur.execute("insert into app.group_members (assignment_id, user_id, group_id, status) "
                    "select g.assignment_id, u.id, g.id, 'active' from app.groups g, app.users u "
                    "where g.id = %s and u.email in ('s1@a.edu', 's2@a.edu')", (gid,))
        # s1's submission is flagged: an unflag must fall back to the newest submission.
        cur.execute("update app.backups b set flagged = true, flagged_by = b.submitter_id, flagged_at = now() "
                    "from app.users u where u.id = b.submitter_id and u.email = 's1@a.edu' and b.submit")
        cur.execute("select u.email, app.hashid_encode(b.id) from app.backups b "
                    "join app.users u on u.id = b.submitter_id "
                    "where u.email in ('s1@a.edu', 's2@a.edu') and b.submit")
        keys = dict(cur.fetchall())
        assert scalar(admin_conn, SUMMARY_DRIFT) == 0

    def as_user(email, sql, params=()):
        def call():
            with setup.request(_claims(admin_conn, email), method="POST") as ctx:
                ctx.call(sql, params)
        return call

    upload = "select api.v3_backups_post(assignment => %s, messages => %s::jsonb, submit => %s)"
    files = '{"file_contents": {"hw01.py": "print(2)"}}'
    errors = _race([
        as_user("s1@a.edu", upload, (hw, files, True)),
        as_user("s2@a.edu", upload, (hw, files, False)),
        as_user("s2@a.edu", upload, (hw, files, True)),
        as_user("s2@a.edu", "select api.flag_backup(key => %s)", (keys["s2@a.edu"],)),
        as_user("ta@a.edu", "select api.unflag(assignment => %s, email => %s)", (hw, "s1@a.edu")),
        as_user("s1@a.edu", "select api.group_remove(assignment => %s, email => %s)", (hw, "s2@a.edu")),
        as_user("s3@a.edu", upload, (hw, files, True)),
    ])
    assert errors == []
    assert scalar(admin_conn, SUMMARY_DRIFT) == 0, "the summary equals a recomputation from scratch"
    # And a second wave on top of the first: more uploads while staff flag and unflag.
    errors = _race([
        as_user("s1@a.edu", upload, (hw, files, True)),
        as_user("s2@a.edu", upload, (hw, files, True)),
        as_user("ta@a.edu", "select api.flag_backup(key => %s)", (keys["s1@a.edu"],)),
        as_user("ta@a.edu", "select api.unflag(assignment => %s, email => %s)", (hw, "s2@a.edu")),
        as_user("s3@a.edu", upload, (hw, files, False)),
    ])
    assert errors == []
    assert scalar(admin_conn, SUMMARY_DRIFT) == 0, "the summary equals a recomputation from scratch"
    assert scalar(admin_conn, "select count(*) from app.submitter_finals s join app.users u on u.id = s.submitter_id "
                              "where u.email in ('s1@a.edu', 's2@a.edu', 's3@a.edu')") == 3


# Each student's shared best scores, recomputed from scratch with the one rule
# (app.shared_best), against what the triggers kept in app.shared_best_scores.
SHARED_BEST_DRIFT = "select tests.shared_best_drift()"


@pytest.mark.parametrize("attempt", range(10))
def test_racing_scores_and_group_changes_keep_the_shared_best_exact(setup, admin_conn, attempt):
    hw = "cal/cs61a/fa26/hw01"
    with admin_conn.cursor() as cur:
        cur.execute("insert into app.groups (assignment_id, course_id) select id, course_id from app.assignments "
                    "where name = %s returning id", (hw,))
        gid = cur.fetchone()[0]
        cur.execute("insert into app.group_members (assignment_id, user_id, group_id, status) "
                    "select g.assignment_id, u.id, g.id, 'active' from app.groups g, app.users u "
                    "where g.id = %s and u.email in ('s1@a.edu', 's2@a.edu')", (gid,))
        cur.execute("select u.email, app.hashid_encode(b.id) from app.backups b "
                    "join app.users u on u.id = b.submitter_id "
                    "where u.email in ('s1@a.edu', 's2@a.edu') and b.submit")
        keys = dict(cur.fetchall())
        # s3 has a backup to score too
        cur.execute("insert into app.backups (assignment_id, course_id, submitter_id, submit) "
                    "select a.id, a.course_id, u.id, true from app.assignments a, app.users u "
                    "where a.name = %s and u.email = 's3@a.edu' returning app.hashid_encode(id)", (hw,))
        keys["s3@a.edu"] = cur.fetchone()[0]
    assert scalar(admin_conn, SHARED_BEST_DRIFT) == 0

    def as_user(email, sql, params=()):
        def call():
            with setup.request(_claims(admin_conn, email), method="POST") as ctx:
                ctx.call(sql, params)
        return call

    score = "select api.v3_score_post(bid => %s, kind => %s, score => %s, message => 'raced')"
    # Scores land on both members while one flags and the group splits.
    errors = _race([
        as_user("ta@a.edu", score, (keys["s1@a.edu"], "total", 9)),
        as_user("reader@a.edu", score, (keys["s2@a.edu"], "total", 5)),
        # a flag on the backup being scored: the flag locks the assignment, then the backup;
        # the score locks the backup, then (its summary) a lock of its own, so no deadlock
        as_user("s2@a.edu", "select api.flag_backup(key => %s)", (keys["s2@a.edu"],)),
        as_user("instructor@a.edu", score, (keys["s2@a.edu"], "correctness", 3)),
        as_user("s1@a.edu", "select api.group_remove(assignment => %s, email => %s)", (hw, "s2@a.edu")),
        as_user("ta@a.edu", score, (keys["s3@a.edu"], "total", 8)),
    ])
    assert errors == []
    assert scalar(admin_conn, SHARED_BEST_DRIFT) == 0, "the summary equals a recomputation from scratch"
    # A second wave: s3 joins s1's group while everyone is regraded.
    errors = _race([
        as_user("s1@a.edu", "select api.group_invite(assignment => %s, email => %s)", (hw, "s3@a.edu")),
        as_user("ta@a.edu", score, (keys["s1@a.edu"], "total", 2)),
        as_user("reader@a.edu", score, (keys["s3@a.edu"], "total", 6)),
        as_user("instructor@a.edu", score, (keys["s2@a.edu"], "total", 1)),
    ])
    assert errors == []
    # s3's submission is flagged: joining unflags it (group_respond locks it after the
    # membership's summary lock) while the TA scores it (the scores lock, then the backup)
    with admin_conn.cursor() as cur:
        cur.execute("update app.backups b set flagged = true, flagged_by = b.submitter_id, flagged_at = now() "
                    "from app.users u where u.id = b.submitter_id and u.email = 's3@a.edu' and b.submit")
    errors = _race([
        as_user("s3@a.edu", "select api.group_respond(assignment => %s, accept => true)", (hw,)),
        as_user("instructor@a.edu", score, (keys["s3@a.edu"], "effort", 2)),
        as_user("ta@a.edu", score, (keys["s3@a.edu"], "correctness", 4)),
        as_user("reader@a.edu", score, (keys["s1@a.edu"], "correctness", 1)),
    ])
    assert errors == []
    assert scalar(admin_conn, SHARED_BEST_DRIFT) == 0, "the summary equals a recomputation from scratch"
    s1_best = scalar(admin_conn,
                     "select s.best -> a.id::text from app.shared_best_scores s, app.assignments a "
                     "where a.name = %s and s.user_id = (select id from app.users where email = 's1@a.edu')", (hw,))
    assert s1_best == {"total": 6, "correctness": 4, "effort": 2}, "s1 and s3 share the best of each kind"


def test_a_request_denied_while_a_batch_grants_it_refuses_the_batch(setup, admin_conn):
    """A TA ticks two pending requests and grants them while another TA's denial of one of
    them is still open: the batch waits for the denial, sees that request is no longer
    pending, and grants nothing (all or nothing), instead of counting the denied request as
    granted and leaving an extension beside a denial."""
    for email in ("s1@a.edu", "s2@a.edu"):
        with setup.request(_claims(admin_conn, email), method="POST") as ctx:
            ctx.call("select api.request_extension(%s, %s)", ("cal/cs61a/fa26/hw01", "Ill"))
    with admin_conn.cursor() as cur:
        cur.execute("select array_agg(id order by id) from app.extension_requests where status = 'pending'")
        request_ids = cur.fetchone()[0]
    assert len(request_ids) == 2
    outcome = {}

    def grant_both():
        try:
            with setup.request(_claims(admin_conn, "ta@a.edu"), method="POST") as ctx:
                outcome["answer"] = ctx.call("select api.grant_extension_requests(%s, %s, %s)",
                                             ("cal/cs61a/fa26", request_ids, "2030-01-01T00:00"))
        except psycopg2.Error as exc:
            outcome["error"] = exc.pgcode

    with setup.request(_claims(admin_conn, "instructor@a.edu"), method="POST") as denial:
        # s2's request is denied (the last in the batch's order); the denial is not yet committed
        denial.call("select api.deny_extension_request(%s, %s, %s)", ("cal/cs61a/fa26/hw01", "s2@a.edu", "No"))
        granter = threading.Thread(target=grant_both)
        granter.start()
        granter.join(2)  # the batch now waits on the denied request's row
        assert granter.is_alive(), "the batch should wait for the open denial"
    granter.join(30)
    assert outcome == {"error": "PT409"}
    assert scalar(admin_conn, "select count(*) from app.extensions") == 0
    assert scalar(admin_conn, "select string_agg(status::text, ',' order by id) from app.extension_requests") \
        == "pending,denied"
