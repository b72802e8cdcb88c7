-- 0041_reserve_docs: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- The first word of an offering must not be one of the site's own top-level paths
-- (tests/py/test_names.py asks the app's URL map): the documentation site is /docs/.
-- Replaced by the check in the next statement, in the same transaction.
-- squawk-ignore ban-drop-constraint
alter table app.courses drop constraint courses_offering_format;
alter table app.courses add constraint courses_offering_format check (
  offering ~ '^[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/(fa|sp|su|wi|au|yr)[0-9]{2}$'
  and split_part(offering, '/', 1) not in (
    'about', 'admin', 'api', 'comments', 'login', 'logout', 'oauth', 'rq',
    'testing-login', 'static', 'healthz', 'client', 'sudo', 'assets',
    'staff', 'settings', 'rpc', 'unsudo', 'docs'
  )
) not valid;
-- A few dozen rows (one per course): validating holds the lock for microseconds.
-- squawk-ignore constraint-missing-not-valid
alter table app.courses validate constraint courses_offering_format;
