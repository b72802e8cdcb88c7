"""Deployment helpers run by the compose migrate service.

    python -m ops.dbtool set-passwords   set the LOGIN roles' passwords from the environment
                                         (AUTHENTICATOR_PASSWORD, ANALYTICS_PASSWORD)
"""

from __future__ import annotations

import sys

import psycopg2
from psycopg2 import sql

from web.settings import database_url, login_role_passwords

LOGIN_ROLES = {"authenticator": "AUTHENTICATOR_PASSWORD", "ok_analytics": "ANALYTICS_PASSWORD"}


def set_passwords() -> int:
    passwords, missing = login_role_passwords(LOGIN_ROLES)
    if missing:
        print(f"dbtool: set {', '.join(missing)}", file=sys.stderr)
        return 2
    with psycopg2.connect(database_url()) as conn, conn.cursor() as cur:
        for role, password in passwords.items():
            # ALTER ROLE takes no bind parameters; the password is quoted as a literal.
            cur.execute(sql.SQL("alter role {} password {}").format(sql.Identifier(role), sql.Literal(password)))
    print("dbtool: passwords set for " + ", ".join(LOGIN_ROLES))
    return 0


def main(argv: list[str]) -> int:
    if argv[1:] == ["set-passwords"]:
        return set_passwords()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
