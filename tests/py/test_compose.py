"""docker-compose.yml cannot run here (no Docker engine); check what can be checked:
it parses, and every role, schema and function it names exists in a migrated database."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import yaml

from tests.py.conftest import scalar
from web.settings import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _env(service: str) -> dict:
    return COMPOSE["services"][service]["environment"]


def test_the_file_has_every_service():
    assert set(COMPOSE["services"]) == {"nginx", "postgres", "backup", "migrate", "web", "worker", "postgrest",
                                        "metabase"}
    assert _env("web")["OK_ENV"] == "production"


def test_postgrest_names_exist(admin_conn):
    env = _env("postgrest")
    assert env["PGRST_DB_SCHEMAS"] == "api"
    assert scalar(admin_conn, "select count(*) from pg_namespace where nspname = %s", (env["PGRST_DB_SCHEMAS"],)) == 1
    user = urlsplit(env["PGRST_DB_URI"]).username
    assert user == "authenticator"
    assert scalar(admin_conn, "select rolcanlogin and not rolinherit from pg_roles where rolname = %s", (user,))
    anon = env["PGRST_DB_ANON_ROLE"]
    assert scalar(admin_conn, "select pg_has_role(%s, %s, 'member')", (user, anon))
    schema, function = env["PGRST_DB_PRE_REQUEST"].split(".")
    assert scalar(
        admin_conn,
        "select has_function_privilege(%s, p.oid, 'execute') from pg_proc as p "
        "join pg_namespace as n on n.oid = p.pronamespace where n.nspname = %s and p.proname = %s "
        "and p.pronargs = 0",
        (anon, schema, function),
    )
    assert env["PGRST_DB_CHANNEL"] == "pgrst"  # what migrations NOTIFY after every upgrade


def test_app_services_connect_as_the_documented_roles(admin_conn):
    for service in ("web", "worker"):
        env = {**COMPOSE["x-app"]["environment"], **_env(service)}
        assert urlsplit(env["OK_AUTHENTICATOR_URL"]).username == "authenticator"
    for role in ("authenticator", "ok_analytics"):
        assert scalar(admin_conn, "select rolcanlogin from pg_roles where rolname = %s", (role,))


def test_metabase_reads_only_the_analytics_schema(admin_conn):
    connection = COMPOSE["x-okv3-metabase-connection"]
    assert connection["schemas"] == ["analytics"]
    role = connection["user"]
    assert scalar(admin_conn, "select has_schema_privilege(%s, 'analytics', 'usage')", (role,))
    for schema in ("app", "auth", "api"):
        assert not scalar(admin_conn, "select has_schema_privilege(%s, %s, 'usage')", (role, schema))
    # the analytics snapshots: materialized views refreshed by the worker, and backup_runs, a
    # view of the facts each refresh collects; Metabase's login reads every one
    relations = "from pg_class c join pg_namespace n on n.oid = c.relnamespace " \
                "where n.nspname = 'analytics' and c.relkind in ('m', 'v')"
    views = scalar(admin_conn, f"select count(*) {relations}")  # noqa: S608 (fixed text)
    readable = scalar(admin_conn, f"select count(*) {relations} and has_table_privilege(%s, c.oid, 'select')",  # noqa: S608
                      (role,))
    assert views > 0 and readable == views
    assert _env("metabase")["MB_DB_DBNAME"] != "ok", "Metabase keeps its own application database"


def test_every_variable_the_file_uses_is_documented_in_env_example():
    used = set(re.findall(r"\$\{([A-Z_]+)(?::-[^}]*)?\}", (ROOT / "docker-compose.yml").read_text()))
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert used <= documented, used - documented


def test_every_gunicorn_uses_the_checked_redacting_configuration():
    """make run, the image and compose all start gunicorn with web/gunicorn_conf.py (the
    production configuration check and the access log that drops ?access_token=)."""
    assert COMPOSE["services"]["web"]["command"][:3] == ["gunicorn", "-c", "python:web.gunicorn_conf"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'CMD ["gunicorn", "-c", "python:web.gunicorn_conf"' in dockerfile
    makefile = (ROOT / "Makefile").read_text()
    assert "bin/gunicorn -c python:web.gunicorn_conf" in makefile
    assert "export OK_ENV ?= development" in makefile


def test_every_ok_setting_the_code_reads_is_documented():
    import subprocess

    read = set(subprocess.run(
        ["grep", "-rhoE", r"environ(\.get)?[\[(]\"OK_[A-Z_]+", str(ROOT / "web")], capture_output=True, text=True,
    ).stdout.split())
    names = {re.search(r"OK_[A-Z_]+", item).group(0) for item in read}
    core = set(re.findall(r"(?:_positive_int|_secret)\(\"(OK_[A-Z_]+)\"", (ROOT / "web/settings.py").read_text()))
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    running = (ROOT / "docs" / "running.md").read_text()
    assert (names | core) - documented == set()
    assert {name for name in core | {"OK_ENV"} if name not in running} == set()


def test_nginx_is_the_front_door_to_postgrest_and_the_web_app():
    """The documented topology: nginx, with the committed (generated) deploy/nginx.conf, is the
    only way in to OK (Metabase's own UI is the other published port, on loopback); its
    upstreams are the compose services that serve them, on the ports they listen on
    (tests/py/test_nginx.py runs the same file for real)."""
    nginx = COMPOSE["services"]["nginx"]
    assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in nginx["volumes"]
    published = {name: service["ports"] for name, service in COMPOSE["services"].items() if service.get("ports")}
    assert set(published) == {"nginx", "metabase"}, "web and PostgREST are reached through nginx only"
    assert all(port.startswith("127.0.0.1:") for ports in published.values() for port in ports)
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    upstreams = dict(re.findall(r"set \$okv3_(postgrest|web) http://([a-z]+:[0-9]+);", conf))
    assert upstreams == {"postgrest": "postgrest:3000", "web": "web:5000"}
    assert "0.0.0.0:5000" in COMPOSE["services"]["web"]["command"]
    assert "PGRST_SERVER_PORT" not in _env("postgrest"), "PostgREST listens on its default port, 3000"
    assert set(nginx["depends_on"]) == {"web", "postgrest"}
    assert nginx["ports"] == ["127.0.0.1:${OK_HTTP_PORT:-8080}:80"] and "listen 80;" in conf


def test_backups_are_archived_and_scheduled_with_the_checked_configuration(tmp_path):
    """postgres archives its WAL with pgBackRest and the backup service takes the scheduled
    backups, both reading deploy/pgbackrest.conf, whose stanza names the data directory and
    socket the two share; pgBackRest itself accepts the file (the restore drill,
    tests/py/test_restore_drill.py, runs the same commands against a real cluster)."""
    import subprocess

    postgres, backup = COMPOSE["services"]["postgres"], COMPOSE["services"]["backup"]
    command = " ".join(postgres["command"])
    assert "archive_mode=on" in command and "archive_command=pgbackrest --stanza=ok archive-push %p" in command
    for service in (postgres, backup):
        assert "./deploy/pgbackrest.conf:/etc/pgbackrest/pgbackrest.conf:ro" in service["volumes"]
        assert {"pgdata:/var/lib/postgresql/data", "pgsocket:/var/run/postgresql",
                "pgbackrest:/var/lib/pgbackrest"} <= set(service["volumes"])
    assert postgres["build"] == backup["build"] == "deploy/postgres"
    assert "pgbackrest" in (ROOT / "deploy" / "postgres" / "Dockerfile").read_text()
    schedule = (ROOT / "deploy" / "backup-schedule.sh").read_text()
    assert "--type=full backup" in schedule and "--type=incr backup" in schedule
    conf = (ROOT / "deploy" / "pgbackrest.conf").read_text()
    assert "[ok]" in conf and "pg1-path=/var/lib/postgresql/data" in conf and "repo1-retention-full=2" in conf
    # pgBackRest parses the file: a command that needs no cluster reads it and names no error
    copy = tmp_path / "pgbackrest.conf"
    copy.write_text(conf.replace("/var/lib/pgbackrest", str(tmp_path / "repo")))
    shown = subprocess.run(["pgbackrest", f"--config={copy}", "--stanza=ok", "help", "backup", "repo1-retention-full"],
                           capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "current: 2" in shown.stdout, shown.stdout + shown.stderr
