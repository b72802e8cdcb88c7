-- 0027_course_settings: downgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Reason: the new signature of api.update_course goes with the columns it sets.
-- squawk-ignore ban-drop-function
drop function if exists api.update_course(text, text, text, boolean, text, integer, text[]);
-- Reason: the label's new signature reads the column dropped below.
-- squawk-ignore ban-drop-function
drop function if exists app.term_label(text, text);
revoke delete on app.enrollments from ok_api;
revoke update (template_files) on app.assignments from ok_api;
revoke insert (template_files, published_score_kinds) on app.assignments from ok_api;
revoke update (term, default_max_group_size, default_published_kinds) on app.courses from ok_api;
-- Reason: the settings go with the revision; the courses keep everything else.
-- squawk-ignore ban-drop-column
alter table app.courses drop column default_published_kinds;
-- squawk-ignore ban-drop-column
alter table app.courses drop column default_max_group_size;
-- squawk-ignore ban-drop-column
alter table app.courses drop column term;
