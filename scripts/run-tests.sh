#!/usr/bin/env bash
# Every check, against throwaway databases on the server make chose (private cluster, or
# DATABASE_URL): sqlfluff (sql/ and the migrations' .sql files), squawk (lock safety of the
# migrations, .squawk.toml), ruff, pgTAP (with plpgsql_check) through pg_prove, pytest with
# coverage. Runs them all and exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
failed=()
step() { echo; echo "== $1"; }
run() { local name=$1; shift; step "$name"; "$@" || failed+=("$name"); }

tpl="okv3_tpl_$$"
pgtap_db=""
cleanup() { $PY -m tests.py.dbutil drop "$tpl" ${pgtap_db:+"$pgtap_db"} >/dev/null 2>&1 || true; }
trap cleanup EXIT

run "sqlfluff (sql/, migrations/versions/)" .venv/bin/sqlfluff lint sql/ migrations/versions/ \
  --processes 2 --disable-progress-bar
run "squawk (migrations/versions/)" .venv/bin/squawk --config .squawk.toml 'migrations/versions/*.sql'
run "ruff" .venv/bin/ruff check .
run "documentation site (mkdocs, strict)" .venv/bin/python -m ops.docs_site

step "template database (migrated, with pgTAP and plpgsql_check)"
if ! $PY -m tests.py.dbutil template "$tpl"; then
  echo "could not build the test template database" >&2
  exit 1
fi

pgtap_url=$($PY -m tests.py.dbutil clone "$tpl" okv3_pgtap)
pgtap_db=${pgtap_url##*/}
run "pgTAP (tests/sql)" pg_prove -d "$pgtap_url" --ext .sql -r tests/sql/

run "pytest (tests/py)" env OKV3_TEST_TEMPLATE="$tpl" .venv/bin/pytest -q \
  --cov --cov-report=term-missing:skip-covered "$@"

echo
if [ ${#failed[@]} -ne 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "All checks passed."
