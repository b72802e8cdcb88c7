-- 0028_extension_replies: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Reason: the reply goes with the revision's column.
-- squawk-ignore ban-drop-function
drop function if exists api.deny_extension_request(text, text, text);
-- Reason: bulk granting writes the reply.
-- squawk-ignore ban-drop-function
drop function if exists api.grant_extension_requests(text, bigint[], text, text);
revoke update (reply) on app.extension_requests from ok_api;
-- Reason: the replies go with the revision; the requests keep everything else.
-- squawk-ignore ban-drop-column
alter table app.extension_requests drop column reply;
