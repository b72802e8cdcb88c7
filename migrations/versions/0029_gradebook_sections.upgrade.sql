-- 0029_gradebook_sections: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Sections are a filter on every staff page (issue #10, point 4): api.gradebook takes one, a
-- new signature created after this revision.
-- Reason: no view or function depends on it; the new signature replaces it.
-- squawk-ignore ban-drop-function
drop function if exists api.gradebook(text);
