"""The starter questions (sql/questions/*.sql) each run, as the analytics login, against the
demo course (ops.seed) and answer something; none names a student."""

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
