-- 0030_admin_save_client_register: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- Reason: the revision before knows only the six-argument signature.
-- squawk-ignore ban-drop-function
drop function if exists api.admin_save_client(text, text, text[], boolean, boolean, boolean, boolean);
