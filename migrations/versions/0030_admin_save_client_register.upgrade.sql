-- 0030_admin_save_client_register: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- The admin clients page's Register form must not silently change an existing client
-- (issue #10 review): api.admin_save_client takes register, a new signature created after
-- this revision.
-- Reason: no view or function depends on it; the new signature replaces it.
-- squawk-ignore ban-drop-function
drop function if exists api.admin_save_client(text, text, text[], boolean, boolean, boolean);
