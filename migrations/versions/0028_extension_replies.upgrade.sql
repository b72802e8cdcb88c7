-- 0028_extension_replies: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Extension requests (issue #10, point 7): the staff's reply to a request, which the student
-- sees with its state (granted until a date, or denied with the reason).
alter table app.extension_requests add column reply text;
grant update (reply) on app.extension_requests to ok_api;

-- api.deny_extension_request takes the reply: a new signature, created after this revision.
-- Reason: no view or function depends on it; the new signature replaces it.
-- squawk-ignore ban-drop-function
drop function if exists api.deny_extension_request(text, text);
