-- Times read the same everywhere: app.course_time_text writes an instant in the course's time
-- zone with that zone's abbreviation at that instant (DST boundaries included), leaves the
-- session's TimeZone as it was, and is the form of every time in SQL-made text (the reason of
-- a flagged final submission).
begin;
select plan(14);
set local timezone = 'Asia/Tokyo';

select is(app.course_time_text('2026-11-27 22:17:56+00', 'America/Los_Angeles'), 'Fri Nov 27, 2:17 PM PST',
  'winter in Los Angeles is PST');
select is(app.course_time_text('2026-06-27 22:17:56+00', 'America/Los_Angeles'), 'Sat Jun 27, 3:17 PM PDT',
  'summer in Los Angeles is PDT');
select is(app.course_time_text('2026-03-08 09:59:59+00', 'America/Los_Angeles'), 'Sun Mar 8, 1:59 AM PST',
  'the last second before spring forward is PST');
select is(app.course_time_text('2026-03-08 10:00:00+00', 'America/Los_Angeles'), 'Sun Mar 8, 3:00 AM PDT',
  'spring forward: 2 AM PST is 3 AM PDT');
select is(app.course_time_text('2026-10-25 00:59:00+00', 'Europe/Berlin'), 'Sun Oct 25, 2:59 AM CEST',
  'before fall back, Berlin is CEST');
select is(app.course_time_text('2026-10-25 01:00:00+00', 'Europe/Berlin'), 'Sun Oct 25, 2:00 AM CET',
  'fall back: 2 AM happens twice, told apart by CEST and CET');
select is(app.course_time_text('2026-11-27 22:17:56+00', 'Asia/Kolkata'), 'Sat Nov 28, 3:47 AM IST',
  'a half-hour zone, on the next day');
select is(app.course_time_text('2026-11-27 12:00:00+00', 'UTC'), 'Fri Nov 27, 12:00 PM UTC', 'UTC says UTC');
select is(app.course_time_text(null, 'UTC'), null, 'null in, null out');
select is(current_setting('TimeZone'), 'Asia/Tokyo', 'the caller''s TimeZone is restored');
select ok(not has_function_privilege('ok_user', 'app.course_time_text(timestamptz, text)', 'execute')
  and not has_function_privilege('ok_anon', 'app.course_time_text(timestamptz, text)', 'execute')
  and has_function_privilege('ok_api', 'app.course_time_text(timestamptz, text)', 'execute'),
  'only ok_api executes the helper');

-- The reason of a flagged submission carries the course zone's abbreviation.
select tests.fixture();
update app.courses set timezone = 'Europe/Berlin' where offering = 'cal/cs61a/fa26';
update app.backups set flagged = true, flagged_by = tests.user_id('s1@a.edu'), flagged_at = '2026-07-01 10:05+00'
where submitter_id = tests.user_id('s1@a.edu') and submit;
select tests.act_as('reader@a.edu');
select is((select reason from api.final_submissions('cal/cs61a/fa26/hw01') where submitter = 's1@a.edu'),
  'flagged by s1@a.edu on Wed Jul 1, 12:05 PM CEST', 'a flag''s time is told in the course''s zone, with CEST');
reset role;
update app.backups set flagged_at = '2026-12-01 10:05+00' where flagged;
select tests.act_as('reader@a.edu');
select is((select reason from api.final_submissions('cal/cs61a/fa26/hw01') where submitter = 's1@a.edu'),
  'flagged by s1@a.edu on Tue Dec 1, 11:05 AM CET', 'and in winter with CET');
select is((select timezone from api.assignments where name = 'cal/cs61a/fa26/hw01'), 'Europe/Berlin',
  'api.assignments carries the course''s zone for its pages');

select * from finish();
rollback;
