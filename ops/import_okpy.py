"""okadmin import-okpy: load an okpy/ok database (MySQL or MariaDB, the original server's schema:
okpy-feature-reference §1) into OK v3.

    okadmin import-okpy mysql://user:password@host:3306/ok [--batch 2000]

* **What.** Users, courses, assignments, enrollments, backups with every message, groups and
  their members, scores, comments and extensions; the final-submission flags come with the
  backups. Ids are kept (v1's backup 123 is v3's backup 123, so old links and hashids hold).
* **Streaming, resumable.** Backups (with their messages), scores and comments are read a
  batch at a time (a server-side cursor) and written with COPY, one transaction per batch; a
  table resumes after the highest id already imported, so a re-run continues where a
  stopped one ended and never duplicates. The small tables are upserted (`on conflict do
  nothing`). An import starts only into an empty OK v3 database, or one it started
  (auth.settings okpy_import_source names the source).
* **Quietly.** History must not send mail, queue autograding or fill the audit log: while a
  batch is written, the triggers that do so are disabled, inside its transaction (a crash
  leaves them on). The derived tables are then refreshed with the functions the triggers call.
* **The original's data problems** (okpy-feature-reference §8.2) are mapped to v3's rules and
  reported, never fatal. Users, courses and assignments are written a row at a time under OK
  v3's own checks (a refused row is left out with the rule that refused it: an offering's
  format or a reserved word, an e-mail's shape, an assignment's name); beyond those: e-mails
  differing only in case (one user), lock dates before due
  dates (locked at the due date), submissions forced by an extension (§8.2 #2: no "submit"
  marker from ok-client, no staff creator: kept as backups), submission times stamped onto
  backups by an extension (§8.2 #3: cleared; v3 applies the extension itself), flags on plain
  backups or several per student (the newest submission keeps it), several active scores of
  a kind on a backup (the newest stays active), message contents that are not JSON (kept as a
  JSON string), NUL characters (removed), references to rows that do not exist (left out).
* **Output.** Progress per batch on stderr, then a summary: per table, imported, left out and
  fixed, with the reasons and counts.
"""

from __future__ import annotations

import io
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from urllib.parse import unquote, urlsplit

import psycopg2
import psycopg2.extras
import pymysql
import pymysql.cursors
from psycopg2 import sql

ROLES = {"student": "student", "lab assistant": "lab_assistant", "grader": "reader", "staff": "ta",
         "instructor": "instructor"}
# Triggers that would mail, autograde, announce or audit imported history (disabled per batch).
QUIET = {
    "app.backups": ["_800_receipt", "_810_autograde", "_900_audit", "_950_notify_intake"],
    "app.scores": ["_200_complete_tasks", "_300_shared_best_insert", "_300_shared_best_update", "_900_audit"],
    "app.group_members": ["_300_shared_best_insert", "_900_audit"],
    "app.users": ["_900_audit"], "app.courses": ["_900_audit"], "app.assignments": ["_900_audit"],
    "app.enrollments": ["_900_audit"], "app.extensions": ["_900_audit"], "app.comments": ["_900_audit"],
}


class Report:
    def __init__(self) -> None:
        self.imported: Counter = Counter()
        self.left_out: dict[str, Counter] = defaultdict(Counter)
        self.fixed: dict[str, Counter] = defaultdict(Counter)
        self.started = time.monotonic()

    def leave_out(self, table: str, reason: str, n: int = 1) -> None:
        self.left_out[table][reason] += n

    def fix(self, table: str, what: str, n: int = 1) -> None:
        self.fixed[table][what] += n

    def summary(self) -> str:
        seconds = time.monotonic() - self.started
        rate = sum(self.imported.values()) / max(seconds, 1e-9)
        lines = [f"import-okpy: done in {seconds:.1f} s ({rate:,.0f} rows/s)"]
        for table in ("users", "courses", "assignments", "enrollments", "backups", "messages", "groups",
                      "group_members", "scores", "comments", "extensions"):
            lines.append(f"  {table}: {self.imported[table]:,} imported")
            lines += [f"    left out {n:,}: {reason}" for reason, n in sorted(self.left_out[table].items())]
            lines += [f"    fixed {n:,}: {what}" for what, n in sorted(self.fixed[table].items())]
        return "\n".join(lines)


def source_connection(url: str, streaming: bool = False):
    parts = urlsplit(url)
    if parts.scheme not in ("mysql", "mariadb"):
        raise SystemExit(f"import-okpy: the source must be a mysql:// URL, not {parts.scheme or url!r}")
    return pymysql.connect(
        host=parts.hostname or "127.0.0.1", port=parts.port or 3306, user=unquote(parts.username or "root"),
        password=unquote(parts.password or ""), database=parts.path.lstrip("/"), charset="utf8mb4",
        cursorclass=pymysql.cursors.SSDictCursor if streaming else pymysql.cursors.DictCursor,
        unix_socket=dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p).get("unix_socket"),
    )


def utc(value: datetime | None) -> datetime | None:
    """v1 stores naive UTC datetimes (okpy-feature-reference §1.1)."""
    return None if value is None else value.replace(tzinfo=UTC)


def clean(text: str | None) -> str | None:
    return None if text is None else text.replace("\x00", "")


def json_value(raw, report: Report) -> object:
    """A message's contents (JSON text or a JSON blob) as JSON; what is not JSON is kept as a
    string; NUL characters (which PostgreSQL's jsonb cannot hold) are removed."""
    if isinstance(raw, bytes | bytearray):
        raw = raw.decode("utf-8", errors="replace")
    if raw is None:
        return None
    if "\x00" in raw or "\\u0000" in raw:
        report.fix("messages", "NUL characters removed from contents")
        raw = raw.replace("\x00", "").replace("\\u0000", "")
    try:
        return json.loads(raw)
    except ValueError:
        report.fix("messages", "contents that were not JSON kept as a JSON string")
        return raw


def copy_text(value) -> str:
    """One field of COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def relation(table: str) -> sql.Composed:
    """app.<name> as an identifier (table names here are this module's constants)."""
    schema, _, name = table.partition(".")
    return sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(name))


def copy_rows(cur, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    data = io.StringIO("".join("\t".join(copy_text(v) for v in row) + "\n" for row in rows))
    cur.copy_expert(sql.SQL("copy {} ({}) from stdin").format(
        relation(table), sql.SQL(", ").join(map(sql.Identifier, columns))), data)


class Importer:
    def __init__(self, source_url: str, target_url: str, batch: int = 2000, progress=sys.stderr):
        self.source_url = source_url
        self.src = source_connection(source_url)
        self.target = psycopg2.connect(target_url)
        self.batch = batch
        self.report = Report()
        self.progress = progress
        self.users: dict[int, int] = {}  # v1 user id -> v3 user id (case duplicates merged)
        self.courses: dict[int, str] = {}  # v1 course id -> timezone (imported courses)
        self.assignments: dict[int, dict] = {}  # v1 assignment id -> {course_id, due, lock}

    # -- helpers ---------------------------------------------------------------------------
    def say(self, line: str) -> None:
        print(f"import-okpy: {line}", file=self.progress, flush=True)

    def rows(self, query: str, args=()) -> list[dict]:
        with self.src.cursor() as cur:
            cur.execute(query, args)
            return list(cur.fetchall())

    def stream(self, query: str, args=()):
        """Rows of a big table a batch at a time, over a server-side cursor of its own."""
        conn = source_connection(self.source_url, streaming=True)
        try:
            with conn.cursor() as cur:
                cur.execute(query, args)
                while batch := cur.fetchmany(self.batch):
                    yield batch
        finally:
            conn.close()

    def quiet(self, cur, tables, state: str = "disable") -> None:
        for table in tables:
            for trigger in QUIET.get(table, []):
                cur.execute(sql.SQL("alter table {} {} trigger {}").format(
                    relation(table), sql.SQL(state), sql.Identifier(trigger)))

    def loud(self, cur, tables) -> None:
        self.quiet(cur, tables, "enable")

    def insert_checked(self, cur, table: str, columns: tuple[str, ...], row: tuple, report_as: str) -> bool:
        """One row of a small table, kept id and all, under OK v3's own checks (constraints and
        triggers: an offering's format and reserved words, an e-mail's shape, an assignment's
        name): a refused row is left out with the rule that refused it, and the import goes on."""
        cur.execute("savepoint import_row")
        try:
            cur.execute(sql.SQL("insert into {} ({}) overriding system value values ({})").format(
                relation(table), sql.SQL(", ").join(map(sql.Identifier, columns)),
                sql.SQL(", ").join(sql.Placeholder() * len(columns))), row)
        except (psycopg2.IntegrityError, psycopg2.errors.RaiseException, psycopg2.DataError) as exc:
            cur.execute("rollback to savepoint import_row")
            rule = exc.diag.constraint_name or exc.diag.message_primary or exc.pgcode
            self.report.leave_out(report_as, f"refused by OK v3's rules ({rule})")
            return False
        cur.execute("release savepoint import_row")
        return True

    def high_water(self, table: str) -> int:
        with self.target.cursor() as cur:
            cur.execute(sql.SQL("select coalesce(max(id), 0) from {}").format(relation(table)))
            return cur.fetchone()[0]

    # -- the run ---------------------------------------------------------------------------
    def check_target(self) -> None:
        with self.target, self.target.cursor() as cur:
            cur.execute("select value from auth.settings where name = 'okpy_import_source'")
            marker = cur.fetchone()
            cur.execute("select exists (select 1 from app.courses) or exists (select 1 from app.users)")
            occupied = cur.fetchone()[0]
            where = urlsplit(self.source_url)
            source = f"{where.hostname}:{where.port or 3306}{where.path}"
            if occupied and (marker is None or marker[0] != source):
                raise SystemExit("import-okpy: the OK v3 database already holds courses or users that no import from "
                                 f"{source} made; import into an empty database (make migrate on a new one)")
            cur.execute("insert into auth.settings (name, value) values ('okpy_import_source', %s) "
                        "on conflict (name) do update set value = excluded.value", (source,))

    def run(self) -> Report:
        self.check_target()
        for stage in (self.import_users, self.import_courses, self.import_assignments, self.import_enrollments,
                      self.import_backups, self.import_groups, self.import_scores, self.import_comments,
                      self.import_extensions, self.finish):
            stage()
        self.src.close()
        self.target.close()
        return self.report

    def import_users(self) -> None:
        with self.target.cursor() as cur:
            cur.execute("select lower(email), id from app.users")
            by_email = dict(cur.fetchall())
        imported = 0
        with self.target, self.target.cursor() as cur:
            self.quiet(cur, ["app.users"])
            for u in self.rows("select id, name, email, is_admin, created from user order by id"):
                email = (u["email"] or "").strip()
                kept = by_email.get(email.lower())
                if kept is not None and kept != u["id"]:
                    self.users[u["id"]] = kept
                    self.report.fix("users", "e-mails differing only in case merged into one user")
                    continue
                if kept is None:
                    if not self.insert_checked(cur, "app.users", ("id", "email", "name", "is_admin", "created_at"),
                                               (u["id"], email, clean(u["name"]), bool(u["is_admin"]),
                                                utc(u["created"])), "users"):
                        continue
                    imported += 1
                by_email[email.lower()] = u["id"]
                self.users[u["id"]] = u["id"]
            self.loud(cur, ["app.users"])
        self.report.imported["users"] += imported
        self.say(f"users: {imported:,} imported")

    def import_courses(self) -> None:
        with self.target.cursor() as cur:
            cur.execute("select id from app.courses")
            done = {r[0] for r in cur.fetchall()}
            cur.execute("select name from pg_timezone_names")
            zones = {r[0] for r in cur.fetchall()}
        imported = 0
        with self.target, self.target.cursor() as cur:
            self.quiet(cur, ["app.courses"])
            for c in self.rows("select * from course order by id"):
                zone = c.get("timezone") or "America/Los_Angeles"
                if zone not in zones:
                    self.report.fix("courses", "unknown time zones read as America/Los_Angeles (as okpy/ok did)")
                    zone = "America/Los_Angeles"
                if c["id"] not in done:
                    if not self.insert_checked(
                            cur, "app.courses", ("id", "offering", "display_name", "institution", "website", "timezone",
                                                 "active", "autograder_url", "created_at"),
                            (c["id"], c["offering"], clean(c["display_name"]) or c["offering"],
                             clean(c.get("institution")) or "", c.get("website"), zone, bool(c.get("active", True)),
                             c.get("autograder_url"), utc(c.get("created"))), "courses"):
                        continue
                    imported += 1
                self.courses[c["id"]] = zone
            self.loud(cur, ["app.courses"])
        self.report.imported["courses"] += imported
        self.say(f"courses: {imported:,} imported")

    def import_assignments(self) -> None:
        with self.target.cursor() as cur:
            cur.execute("select id from app.assignments")
            done = {r[0] for r in cur.fetchall()}
        imported = 0
        with self.target, self.target.cursor() as cur:
            self.quiet(cur, ["app.assignments"])
            for a in self.rows("select * from assignment order by id"):
                course = a["course_id"]
                if course not in self.courses:
                    self.report.leave_out("assignments", "its course was not imported")
                    continue
                due, lock = utc(a["due_date"]), utc(a["lock_date"])
                if lock < due:
                    self.report.fix("assignments", "lock dates before the due date moved to the due date")
                    lock = due
                if a["id"] not in done:
                    kinds = [k.strip('"').strip().lower()
                             for k in re.findall(r'"[^"]*"|\S+', a.get("published_scores") or "")]
                    files = json_value(a.get("files"), self.report) if a.get("files") else {}
                    if not self.insert_checked(cur, "app.assignments", (
                            "id", "course_id", "name", "display_name", "due_at", "lock_at", "visible", "creator_id",
                            "url", "max_group_size", "revisions_allowed", "uploads_enabled", "upload_info",
                            "template_files", "published_score_kinds", "autograder_key", "continuous_autograding",
                            "created_at"), (
                            a["id"], course, a["name"], clean(a["display_name"]) or a["name"], due, lock,
                            bool(a.get("visible", True)), self.users.get(a.get("creator_id")), a.get("url"),
                            max(1, a.get("max_group_size") or 1), bool(a.get("revisions_allowed")),
                            bool(a.get("uploads_enabled")), clean(a.get("upload_info")),
                            json.dumps(files if isinstance(files, dict) else {}), [k for k in kinds if k],
                            a.get("autograding_key"), bool(a.get("continuous_autograding")), utc(a.get("created"))),
                            "assignments"):
                        continue
                    imported += 1
                self.assignments[a["id"]] = {"course_id": course, "due": due, "lock": lock}
            self.loud(cur, ["app.assignments"])
        self.report.imported["assignments"] += imported
        self.say(f"assignments: {imported:,} imported")

    def import_enrollments(self) -> None:
        rows = []
        for e in self.rows("select * from enrollment"):
            role = ROLES.get(e["role"])
            if role is None:
                self.report.leave_out("enrollments", "an unknown role")
            elif e["course_id"] not in self.courses or e["user_id"] not in self.users:
                self.report.leave_out("enrollments", "its user or course was not imported")
            else:
                rows.append((self.users[e["user_id"]], e["course_id"], role, clean(e.get("sid")),
                             clean(e.get("class_account")), clean(e.get("section")), utc(e.get("created"))))
        with self.target, self.target.cursor() as cur:
            self.quiet(cur, ["app.enrollments"])
            imported = len(psycopg2.extras.execute_values(cur, """
                insert into app.enrollments (user_id, course_id, role, sid, class_account, section, created_at)
                values %s on conflict do nothing returning 1""", rows,
                template="(%s, %s, %s::app.course_role, %s, %s, %s, %s)", fetch=True))
            self.loud(cur, ["app.enrollments"])
        if len(rows) > imported:
            self.report.leave_out("enrollments", "already imported, or a second role of a user in a course",
                             len(rows) - imported)
        self.report.imported["enrollments"] += imported
        self.say(f"enrollments: {imported:,} imported")

    def import_backups(self) -> None:
        """Backups with their messages, a batch per transaction. §8.2 #2 and #3 are undone here:
        a submission ok-client did not ask for (no "submit" in its file_contents, no staff
        creator) made while an extension covered it is kept as a backup; a submission time equal
        to what an extension stamped is cleared (v3 applies the extension's time itself)."""
        extensions = defaultdict(list)  # (assignment, v1 user) -> [(expires, stamped time)]
        for x in self.rows("select assignment_id, user_id, expires, custom_submission_time from extension"):
            a = self.assignments.get(x["assignment_id"])
            if a:
                extensions[(x["assignment_id"], x["user_id"])].append(
                    (utc(x["expires"]), utc(x["custom_submission_time"]) or a["due"]))
        after = self.high_water("app.backups")
        flags: dict[tuple[int, int], int] = {}
        with self.target.cursor() as cur:  # flags already imported (a resumed run)
            cur.execute("select assignment_id, submitter_id, id from app.backups where flagged")
            flags.update({(a, s): i for a, s, i in cur.fetchall()})
        source = self.stream("select id, submitter_id, creator_id, assignment_id, submit, flagged, "
                             "custom_submission_time, created from backup where id > %s order by id", (after,))
        for batch in source:
            lo, hi = batch[0]["id"], batch[-1]["id"]
            messages = defaultdict(dict)
            for m in self.rows("select backup_id, kind, contents from message where backup_id between %s and %s "
                               "order by id", (lo, hi)):
                messages[m["backup_id"]][m["kind"]] = m["contents"]
            pending, bodies, unflag = {}, [], []
            for b in batch:
                a = self.assignments.get(b["assignment_id"])
                submitter = self.users.get(b["submitter_id"])
                if a is None or submitter is None:
                    self.report.leave_out("backups", "its assignment or submitter was not imported")
                    self.report.leave_out("messages", "their backup was not imported", len(messages.pop(b["id"], {})))
                    continue
                created = utc(b["created"])
                kinds = {k: json_value(v, self.report) for k, v in messages.pop(b["id"], {}).items() if k}
                files = kinds.get("file_contents")
                asked = isinstance(files, dict) and files.get("submit") is True
                submit, custom = bool(b["submit"]), utc(b["custom_submission_time"])
                covering = [x for x in extensions.get((b["assignment_id"], b["submitter_id"]), []) if created <= x[0]]
                if submit and not asked and b["creator_id"] is None and covering and created > a["due"]:
                    submit = False
                    self.report.fix("backups", "submissions an extension forced (§8.2 #2) kept as backups")
                if custom is not None and any(custom == x[1] for x in covering):
                    custom = None
                    self.report.fix("backups", "submission times an extension stamped (§8.2 #3) cleared")
                flagged = bool(b["flagged"])
                if flagged and not submit:
                    flagged = False
                    self.report.fix("backups", "flags on plain backups cleared")
                if flagged:
                    earlier = flags.get((b["assignment_id"], submitter))
                    if earlier is not None:
                        self.report.fix("backups", "a second flag of a student on an assignment: the newest kept")
                        if earlier in pending:  # in this batch: it arrives unflagged
                            row = pending[earlier]
                            pending[earlier] = (*row[:6], False, None, None, *row[9:])
                        else:
                            unflag.append(earlier)
                    flags[(b["assignment_id"], submitter)] = b["id"]
                pending[b["id"]] = (b["id"], b["assignment_id"], a["course_id"], submitter,
                                    self.users.get(b["creator_id"]), submit, flagged, submitter if flagged else None,
                                    created if flagged else None, custom, None, None, created)
                bodies += [(b["id"], kind, json.dumps(value), created) for kind, value in kinds.items()]
            for orphans in messages.values():
                self.report.leave_out("messages", "their backup does not exist", len(orphans))
            backups = list(pending.values())
            with self.target, self.target.cursor() as cur:
                self.quiet(cur, ["app.backups"])
                cur.execute("update app.backups set flagged = false, flagged_at = null, flagged_by = null "
                            "where id = any(%s)", (unflag,))
                copy_rows(cur, "app.backups", ("id", "assignment_id", "course_id", "submitter_id", "creator_id",
                                               "submit", "flagged", "flagged_by", "flagged_at",
                                               "custom_submission_time", "client_name", "client_version",
                                               "created_at"), backups)
                copy_rows(cur, "app.messages", ("backup_id", "kind", "contents", "created_at"), bodies)
                self.loud(cur, ["app.backups"])
            self.report.imported["backups"] += len(backups)
            self.report.imported["messages"] += len(bodies)
            self.say(f"backups: {self.report.imported['backups']:,} imported (to id {hi})")

    def import_groups(self) -> None:
        with self.target.cursor() as cur:
            cur.execute("select id from app.groups")
            done = {r[0] for r in cur.fetchall()}
        groups, rows = {}, []
        for g in self.rows("select id, assignment_id, created from `group` order by id"):
            a = self.assignments.get(g["assignment_id"])
            if a is None:
                self.report.leave_out("groups", "its assignment was not imported")
                continue
            groups[g["id"]] = g["assignment_id"]
            if g["id"] not in done:
                rows.append((g["id"], g["assignment_id"], a["course_id"], utc(g["created"])))
        with self.target.cursor() as cur:
            self.report.imported["groups"] += len(psycopg2.extras.execute_values(
                cur, "insert into app.groups (id, assignment_id, course_id, created_at) overriding system value "
                "values %s on conflict do nothing returning 1", rows, fetch=True))
        members = []
        for m in self.rows("select user_id, assignment_id, group_id, status, created from group_member"):
            if groups.get(m["group_id"]) != m["assignment_id"] or m["user_id"] not in self.users:
                self.report.leave_out("group_members", "its group, assignment or user was not imported")
            elif m["status"] not in ("pending", "active"):
                self.report.leave_out("group_members", "an unknown status")
            else:
                members.append((m["assignment_id"], self.users[m["user_id"]], m["group_id"], m["status"],
                                utc(m["created"])))
        with self.target.cursor() as cur:
            self.quiet(cur, ["app.group_members"])
            self.report.imported["group_members"] += len(psycopg2.extras.execute_values(cur, """
                insert into app.group_members (assignment_id, user_id, group_id, status, created_at) values %s
                on conflict do nothing returning 1""", members, template="(%s, %s, %s, %s::app.member_status, %s)",
                fetch=True))
            self.loud(cur, ["app.group_members"])
        self.target.commit()
        self.say(f"groups: {self.report.imported['groups']:,}, members {self.report.imported['group_members']:,}")

    def import_scores(self) -> None:
        after = self.high_water("app.scores")
        active: dict[tuple[int, str], int] = {}
        for batch in self.stream("select * from score where id > %s order by id", (after,)):
            rows, archive = {}, []
            ids = [s["backup_id"] for s in batch]
            with self.target.cursor() as cur:
                cur.execute("select id, submitter_id from app.backups where id = any(%s)", (ids,))
                owners = dict(cur.fetchall())
                cur.execute("select backup_id, kind, id from app.scores where backup_id = any(%s) and not archived",
                            (ids,))
                active.update({(b, k): i for b, k, i in cur.fetchall()})
            for s in batch:
                a = self.assignments.get(s["assignment_id"])
                kind = (s["kind"] or "").strip().lower()
                value = s["score"]
                if s["backup_id"] not in owners or a is None:
                    self.report.leave_out("scores", "its backup was not imported")
                    continue
                if not kind or value is None or not math.isfinite(value) or abs(value) > 1e15:
                    self.report.leave_out("scores", "no kind, or a value that is not a finite number")
                    continue
                archived = bool(s["archived"])
                if not archived:
                    earlier = active.get((s["backup_id"], kind))
                    if earlier is not None:
                        self.report.fix("scores", "several active scores of a kind on a backup: the newest active")
                        if earlier in rows:  # in this batch: it arrives archived
                            rows[earlier] = (*rows[earlier][:9], True, *rows[earlier][10:])
                        else:
                            archive.append(earlier)
                    active[(s["backup_id"], kind)] = s["id"]
                rows[s["id"]] = (s["id"], s["backup_id"], s["assignment_id"], a["course_id"], owners[s["backup_id"]],
                                 self.users.get(s["grader_id"]), kind, value, clean(s.get("message")) or "", archived,
                                 utc(s["created"]))
            with self.target, self.target.cursor() as cur:
                self.quiet(cur, ["app.scores"])
                cur.execute("update app.scores set archived = true where id = any(%s)", (archive,))
                copy_rows(cur, "app.scores", ("id", "backup_id", "assignment_id", "course_id", "user_id", "grader_id",
                                              "kind", "value", "message", "archived", "created_at"),
                          list(rows.values()))
                self.loud(cur, ["app.scores"])
            self.report.imported["scores"] += len(rows)
            self.say(f"scores: {self.report.imported['scores']:,} imported")

    def import_comments(self) -> None:
        after = self.high_water("app.comments")
        for batch in self.stream("select * from comment where id > %s order by id", (after,)):
            with self.target.cursor() as cur:
                cur.execute("select id, course_id from app.backups where id = any(%s)",
                            ([c["backup_id"] for c in batch],))
                courses = dict(cur.fetchall())
            rows = []
            for c in batch:
                message = clean(c["message"]) or ""
                if c["backup_id"] not in courses or c["author_id"] not in self.users:
                    self.report.leave_out("comments", "its backup or author was not imported")
                elif not message.strip() or c["line"] is None or c["line"] < 0:
                    self.report.leave_out("comments", "an empty message or no line")
                else:
                    rows.append((c["id"], c["backup_id"], courses[c["backup_id"]], self.users[c["author_id"]],
                                 clean(c["filename"]) or "", c["line"], message, utc(c["created"]),
                                 utc(c.get("updated")) or utc(c["created"])))
            with self.target, self.target.cursor() as cur:
                self.quiet(cur, ["app.comments"])
                copy_rows(cur, "app.comments", ("id", "backup_id", "course_id", "author_id", "filename", "line",
                                                "message", "created_at", "updated_at"), rows)
                self.loud(cur, ["app.comments"])
            self.report.imported["comments"] += len(rows)
        self.say(f"comments: {self.report.imported['comments']:,} imported")

    def import_extensions(self) -> None:
        after = self.high_water("app.extensions")
        rows = []
        for x in self.rows("select * from extension where id > %s order by id", (after,)):
            a = self.assignments.get(x["assignment_id"])
            if a is None or x["user_id"] not in self.users:
                self.report.leave_out("extensions", "its assignment or student was not imported")
                continue
            rows.append((x["id"], x["assignment_id"], a["course_id"], self.users[x["user_id"]],
                         self.users.get(x.get("staff_id")), clean(x.get("message")) or "", utc(x["expires"]),
                         utc(x.get("custom_submission_time")), utc(x["created"])))
        with self.target, self.target.cursor() as cur:
            self.quiet(cur, ["app.extensions"])
            copy_rows(cur, "app.extensions", ("id", "assignment_id", "course_id", "user_id", "staff_id", "reason",
                                              "expires_at", "custom_submission_time", "created_at"), rows)
            self.loud(cur, ["app.extensions"])
        self.report.imported["extensions"] += len(rows)
        self.say(f"extensions: {len(rows):,} imported")

    def finish(self) -> None:
        """Identity sequences past the kept ids; the derived tables the quiet triggers keep
        (each student's shared best scores) refreshed with the function they call; statistics."""
        with self.target, self.target.cursor() as cur:
            for table in ("users", "courses", "assignments", "backups", "groups", "scores", "comments", "extensions"):
                cur.execute(sql.SQL("select setval(pg_get_serial_sequence(%s, 'id'), "
                                    "greatest((select max(id) from {}), 1))").format(relation(f"app.{table}")),
                            (f"app.{table}",))
            cur.execute("""
                select app.refresh_shared_best(a.course_id, a.id, array(
                  select sc.user_id from app.scores as sc where sc.assignment_id = a.id
                  union select m.user_id from app.group_members as m where m.assignment_id = a.id), '{}')
                from app.assignments as a order by a.id""")
        old = self.target.autocommit
        self.target.autocommit = True
        with self.target.cursor() as cur:
            cur.execute("analyze")
        self.target.autocommit = old


def main(source: str, target: str, batch: int) -> int:
    importer = Importer(source, target, batch)
    report = importer.run()
    print(report.summary())
    return 0

