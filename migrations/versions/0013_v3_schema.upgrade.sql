-- 0013_v3_schema: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';

-- The ok-client contract's helpers now live in schema v3 (sql/functions/v3/), which
-- migrations/replaceables.py drops and rebuilds like api. Their old copies in app go.
-- squawk-ignore ban-drop-function
drop function if exists app.csv_field(text);
-- squawk-ignore ban-drop-function
drop function if exists app.v3_auth_error(text);
-- squawk-ignore ban-drop-function
drop function if exists app.v3_backups_json(bigint[], boolean);
-- squawk-ignore ban-drop-function
drop function if exists app.v3_course(app.courses);
-- squawk-ignore ban-drop-function
drop function if exists app.v3_course_access();
-- squawk-ignore ban-drop-function
drop function if exists app.v3_header(text);
-- squawk-ignore ban-drop-function
drop function if exists app.v3_page();
-- squawk-ignore ban-drop-function
drop function if exists app.v3_participations(bigint);
-- squawk-ignore ban-drop-function
drop function if exists app.v3_reply(integer, jsonb, text);
-- squawk-ignore ban-drop-function
drop function if exists app.v3_role_name(text);
-- squawk-ignore ban-drop-function
drop function if exists app.v3_time(timestamptz);
