"""The starter questions (sql/questions/*.sql) each run, as the analytics login, against the
demo course (ops.seed) and against a generated course (bench/generate_course.sql, the
2,000-student bench course at a small size), and answer something; none names a student."""

from __future__ import annotations

import os
import subprocess
import sys

import psycopg2
import pytest

from tests.py import dbutil
from web.settings import ROOT, with_user

QUESTIONS = sorted((ROOT / "sql" / "questions").glob("*.sql"))


@pytest.fixture
def demo(db):
    env = {**os.environ, "DATABASE_URL": dbutil.url_for(db[0])}
    subprocess.run([sys.executable, "-m", "ops.seed"], cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    conn = psycopg2.connect(with_user(dbutil.url_for(db[0]), "ok_analytics", None))
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def generated(template_db):
    """A course of 40 students, 10 assignments, 25 backups each per assignment (10,000 backups
    with grading, analytics and file messages), its snapshots refreshed."""
    name, url = dbutil.clone(template_db, "okv3_generated")
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("set role ok_owner")
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"bench\"}', false)")
        cur.execute("select set_config('bench.students', '40', false), "
                    "set_config('bench.backups_per_student', '25', false)")
        cur.execute((ROOT / "bench" / "generate_course.sql").read_text())
        cur.execute("reset role")
        cur.execute("select analytics.refresh_snapshots()")
    conn.close()
    analytics = psycopg2.connect(with_user(url, "ok_analytics", None))
    yield analytics
    analytics.close()
    dbutil.drop(name)


def test_there_are_starter_questions():
    assert len(QUESTIONS) >= 5
    assert all(q.read_text().startswith("-- Question: ") for q in QUESTIONS)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.stem)
def test_each_question_answers_as_the_analytics_login(demo, question):
    with demo.cursor() as cur:
        cur.execute(question.read_text())
        rows = cur.fetchall()
        columns = [c.name for c in cur.description]
    assert rows, f"{question.name} answered nothing on the demo course"
    assert not any(word in column for column in columns for word in ("email", "name", "sid", "login"))


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.stem)
def test_each_question_answers_on_a_generated_course(generated, question):
    with generated.cursor() as cur:
        cur.execute(question.read_text())
        rows = cur.fetchall()
    assert rows, f"{question.name} answered nothing on the generated course"
