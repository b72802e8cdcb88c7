-- 0027_course_settings: upgrade. Lint: make test (sqlfluff, squawk). Review: docs/migrations.md.
-- Wait at most 5s for a lock (then fail, and retry later) instead of queueing every
-- request behind this revision; no statement may run longer than 5 minutes.
set local lock_timeout = '5s';
set local statement_timeout = '5min';


-- Course settings (issue #10, point 2): the term as people say it when the offering's code
-- does not say it well ("Fall 2026" is derived from fa26; null keeps that), and what a new
-- assignment starts with: its group size and the score kinds students see at once.
alter table app.courses
add column term text constraint courses_term_present check (btrim(term) <> ''),
add column default_published_kinds text[] not null default '{}';
-- Reason: an integer like app.assignments.max_group_size, which it seeds.
-- squawk-ignore prefer-bigint-over-int
alter table app.courses add column default_max_group_size integer not null default 1
constraint courses_default_group_size_positive check (default_max_group_size >= 1);
grant update (term, default_max_group_size, default_published_kinds) on app.courses to ok_api;

-- Assignments (point 3): staff upload template files, and create an assignment with the
-- course's published kinds, or as a copy of another offering's with its templates.
grant insert (template_files, published_score_kinds) on app.assignments to ok_api;
grant update (template_files) on app.assignments to ok_api;

-- Enrollment (point 4): instructors unenroll (the enrollments_write policy already limits
-- writes to the course's instructors).
grant delete on app.enrollments to ok_api;

-- api.update_course gains the new settings: a new signature, created after this revision.
-- Reason: no view or function depends on it; the new signature replaces it.
-- squawk-ignore ban-drop-function
drop function if exists api.update_course(text, text, text, boolean);
-- app.term_label reads the course's own label first: a new signature (term text).
-- Reason: only replaceable functions call it, and they are created again after this revision.
-- squawk-ignore ban-drop-function
drop function if exists app.term_label(text);
