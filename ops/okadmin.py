"""okadmin: the operator's command line. Each subcommand is one api function call.

It connects as ``authenticator`` (like the web app and PostgREST) and acts as the
site-admin role with the claim actor=okadmin, so RLS and the audit log see it as such.
Exit status: 0 on success, 2 with a message on bad input (nothing is changed: the call
runs in one transaction), 1 when the database cannot be reached.
"""

from __future__ import annotations

import argparse
import json
import sys

import psycopg2

from web import tokens
from web.db import Database
from web.settings import ConfigurationError, authenticator_url, jwt_secret

ADMIN_CLAIMS = {"role": "ok_admin", "actor": "okadmin"}


def _call(db: Database, sql: str, params: dict):
    with db.request(ADMIN_CLAIMS, method="POST", path="/okadmin") as ctx:
        return ctx.call(sql, params).fetchone()[0]


def user_create(db, args):
    return _call(
        db,
        "select api.create_user(email => %(email)s, name => %(name)s, is_admin => %(admin)s)",
        {"email": args.email, "name": args.name, "admin": args.admin},
    )


def course_create(db, args):
    return _call(
        db,
        "select api.create_course(offering => %(offering)s, display_name => %(name)s, "
        "timezone => %(tz)s, institution => %(inst)s)",
        {"offering": args.offering, "name": args.name, "tz": args.timezone, "inst": args.institution},
    )


def assignment_create(db, args):
    return _call(
        db,
        "select api.create_assignment(name => %(name)s, display_name => %(display)s, "
        "due => %(due)s, lock => %(lock)s, max_group_size => %(size)s, "
        "revisions_allowed => %(revisions)s, visible => %(visible)s)",
        {
            "name": args.name, "display": args.display_name, "due": args.due, "lock": args.lock,
            "size": args.group_size, "revisions": args.revisions, "visible": not args.hidden,
        },
    )


def enroll(db, args):
    return _call(
        db,
        "select api.enroll(offering => %(offering)s, email => %(email)s, role => %(role)s, "
        "sid => %(sid)s, section => %(section)s, name => %(name)s)",
        {
            "offering": args.offering, "email": args.email, "role": args.role,
            "sid": args.sid, "section": args.section, "name": args.name,
        },
    )


def token_issue(db, args):
    secret = jwt_secret()  # before the call: a missing secret must not leave an unusable token behind
    issued = _call(
        db,
        "select api.issue_token(email => %(email)s, scope => %(scope)s, expires_in => %(ttl)s)",
        {"email": args.email, "scope": args.scope, "ttl": args.expires_in},
    )
    pair = {
        "access_token": tokens.sign(issued["claims"], secret),
        "token_type": issued["token_type"],
        "expires_in": issued["expires_in"],
        "refresh_token": issued["refresh_token"],
        "scope": issued["scope"],
    }
    return pair if args.json else pair["access_token"]


def version_set(db, args):
    return _call(
        db,
        "select api.set_client_version(name => %(name)s, version => %(version)s, "
        "download_link => %(link)s)",
        {"name": args.name, "version": args.version, "link": args.download_link},
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="okadmin", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="noun", required=True)

    user = sub.add_parser("user", help="users").add_subparsers(dest="verb", required=True)
    p = user.add_parser("create", help="register a user by email")
    p.add_argument("email")
    p.add_argument("--name")
    p.add_argument("--admin", action="store_true", help="make a site administrator")
    p.set_defaults(handler=user_create)

    course = sub.add_parser("course", help="courses").add_subparsers(dest="verb", required=True)
    p = course.add_parser("create", help="open a course offering, e.g. cal/cs61a/fa26")
    p.add_argument("offering")
    p.add_argument("--name", required=True, help="display name, e.g. 'CS 61A'")
    p.add_argument("--timezone", default="America/Los_Angeles")
    p.add_argument("--institution", default="")
    p.set_defaults(handler=course_create)

    assignment = sub.add_parser("assignment", help="assignments").add_subparsers(
        dest="verb", required=True
    )
    p = assignment.add_parser("create", help="create <offering>/<word>")
    p.add_argument("name")
    p.add_argument("--display-name", required=True)
    p.add_argument("--due", required=True, help="ISO date-time; naive means course-local")
    p.add_argument("--lock", required=True, help="ISO date-time; naive means course-local")
    p.add_argument("--group-size", type=int, default=1)
    p.add_argument("--revisions", action="store_true", help="allow revisions after the deadline")
    p.add_argument("--hidden", action="store_true", help="hide from students")
    p.set_defaults(handler=assignment_create)

    p = sub.add_parser("enroll", help="enroll a user in a course with one role")
    p.add_argument("offering")
    p.add_argument("email")
    p.add_argument("--role", required=True, help="student|lab-assistant|reader|ta|instructor")
    p.add_argument("--sid")
    p.add_argument("--section")
    p.add_argument("--name")
    p.set_defaults(handler=enroll)

    token = sub.add_parser("token", help="tokens").add_subparsers(dest="verb", required=True)
    p = token.add_parser("issue", help="mint an ok-client token pair")
    p.add_argument("email")
    p.add_argument("--scope", default="all", help="all|email")
    p.add_argument("--expires-in", type=int, default=3600, metavar="SECONDS")
    p.add_argument("--json", action="store_true", help="print access, refresh and expiry as JSON")
    p.set_defaults(handler=token_issue)

    version = sub.add_parser("version", help="client versions").add_subparsers(
        dest="verb", required=True
    )
    p = sub.add_parser("import-okpy", help="import an okpy/ok MySQL or MariaDB database (ops/import_okpy.py)")
    p.add_argument("source", help="mysql://user:password@host:3306/database")
    p.add_argument("--batch", type=int, default=2000, help="rows per batch of the big tables (default 2000)")
    p.set_defaults(handler=None, importing=True)

    p = version.add_parser("set", help="publish a client's current version")
    p.add_argument("name")
    p.add_argument("version")
    p.add_argument("--download-link")
    p.set_defaults(handler=version_set)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "importing", False):
        # the import writes history as the tables' owner (DATABASE_URL, the migration login),
        # with the triggers that would mail or audit it off (ops/import_okpy.py)
        from ops import import_okpy
        from web.settings import database_url

        try:
            return import_okpy.main(args.source, database_url(), args.batch)
        except (psycopg2.Error, import_okpy.pymysql.Error) as exc:
            print(f"okadmin: import-okpy: {exc}".strip(), file=sys.stderr)
            return 2
    try:
        db = Database(authenticator_url(), max_connections=1, min_connections=1)
    except psycopg2.OperationalError as exc:
        print(f"okadmin: cannot reach the database: {exc}".strip(), file=sys.stderr)
        return 1
    try:
        result = args.handler(db, args)
    except psycopg2.Error as exc:
        message = exc.diag.message_primary or str(exc).strip()
        detail = f" ({exc.diag.message_detail})" if exc.diag.message_detail else ""
        print(f"okadmin: {message}{detail}", file=sys.stderr)
        return 2
    except ConfigurationError as exc:  # e.g. token issue with OK_ENV unset and no OK_JWT_SECRET
        print(f"okadmin: {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()
    print(result if isinstance(result, str) else json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
