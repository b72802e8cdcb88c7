-- Every /api/v3 function under every role: anonymous, a student, another course's student,
-- a lab assistant, a reader, a TA, an instructor, another course's TA and a site admin.
-- tests.v3() runs the function as that caller with the route's x-ok-* headers and returns the
-- envelope code (checking response.status carries the same code).
begin;
select plan(195);
select tests.fixture();
insert into app.client_versions (name, current_version, download_link) values ('ok-client', 'v1.18.1', 'https://x.org/ok');
select tests.hashid(b.id) as s1_key
from app.backups as b inner join app.users as u on b.submitter_id = u.id
where u.email = 's1@a.edu' and b.submit \gset

create temporary table cast_of (who text, label text, ord integer);
insert into cast_of values
  (null, 'anonymous', 1), ('s1@a.edu', 'student', 2), ('s1@b.edu', 'other course''s student', 3),
  ('lab@a.edu', 'lab assistant', 4), ('reader@a.edu', 'reader', 5), ('ta@a.edu', 'TA', 6),
  ('instructor@a.edu', 'instructor', 7), ('ta@b.edu', 'other course''s TA', 8), ('admin@x.edu', 'admin', 9);
grant select on cast_of to public;

-- GET /api/v3/ and /api/v3/version/ok-client: public.
select is(tests.v3(c.who, 'api.v3_info()'), 200, 'v3_info as ' || c.label) from cast_of as c order by c.ord;
select is(tests.v3(c.who, 'api.v3_version_get()', '{"x-ok-name": "ok-client"}'), 200, 'v3_version_get as ' || c.label)
from cast_of as c order by c.ord;

-- POST /api/v3/version/ok-client: admins only.
select is(
  tests.v3(c.who, 'api.v3_version_post(current_version => ''v1.18.2'', download_link => ''https://x.org/ok2'')',
           '{"x-ok-name": "ok-client"}'),
  e.code, 'v3_version_post as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 403), (3, 403), (4, 403), (5, 403), (6, 403), (7, 403), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;

-- POST /api/v3/backups/: anyone signed in stores a backup (unenrolled people too).
select is(
  tests.v3(c.who, 'api.v3_backups_post(assignment => ''cal/cs61a/fa26/hw01'', messages => ''{"file_contents": {}}'', submit => true)'),
  case when c.who is null then 401 else 200 end, 'v3_backups_post as ' || c.label)
from cast_of as c order by c.ord;

-- GET /api/v3/backups/<key>/: the owner and course staff.
select is(tests.v3(c.who, 'api.v3_backup_get()', jsonb_build_object('x-ok-key', :'s1_key')), e.code,
  'v3_backup_get of a student''s backup as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 200), (3, 403), (4, 403), (5, 200), (6, 200), (7, 200), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;

-- GET /api/v3/assignment/<name> of a hidden assignment: course staff only.
select is(tests.v3(c.who, 'api.v3_assignment_get()', '{"x-ok-name": "cal/cs61a/fa26/secret"}'), e.code,
  'v3_assignment_get of a hidden assignment as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 403), (3, 403), (4, 403), (5, 200), (6, 200), (7, 200), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;

-- POST /api/v3/assignment/<name>: TAs and instructors of the course, admins.
select is(
  tests.v3(c.who, 'api.v3_assignment_post(display_name => ''Lab 9'', due_date => ''2026-12-01 23:59'', lock_date => ''2026-12-02 23:59'')',
           '{"x-ok-name": "cal/cs61a/fa26/lab09"}'),
  e.code, 'v3_assignment_post as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 403), (3, 403), (4, 403), (5, 403), (6, 200), (7, 200), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;

-- GET /api/v3/user/<email> of another student: admins only (everyone may read themself).
select is(tests.v3(c.who, 'api.v3_user_get()', '{"x-ok-email": "s2@a.edu"}'), e.code, 'v3_user_get of s2 as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 403), (3, 403), (4, 403), (5, 403), (6, 403), (7, 403), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;
select is(tests.v3(c.who, 'api.v3_user_get()'), case when c.who is null then 401 else 200 end,
  'v3_user_get of oneself as ' || c.label)
from cast_of as c order by c.ord;

select is(tests.v3('admin@x.edu', 'api.v3_user_get()', '{"x-ok-email": "S2@A.EDU"}'), 200,
  'emails are looked up whatever their case (search_path = api, as under PostgREST)');
select is(tests.v3('s2@a.edu', 'api.v3_enrollment_get()', '{"x-ok-email": "S2@a.edu"}'), 200,
  'one''s own email in another case is still one''s own');

-- GET /api/v3/enrollment/<email>/: the user themself and admins.
select is(tests.v3(c.who, 'api.v3_enrollment_get()', '{"x-ok-email": "s1@a.edu"}'), e.code,
  'v3_enrollment_get of s1 as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 200), (3, 403), (4, 403), (5, 403), (6, 403), (7, 403), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;

-- POST /api/v3/score/: staff of the backup's course; others get 401 (okpy/ok's answer).
select is(
  tests.v3(c.who, format('api.v3_score_post(bid => %L, kind => ''Total'', score => 3, message => ''ok'')', :'s1_key')),
  e.code, 'v3_score_post as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 401), (3, 401), (4, 401), (5, 200), (6, 200), (7, 200), (8, 401), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;

-- GET and POST /api/v3/backups/<key>/comment/: whoever may view the backup.
select is(tests.v3(c.who, 'api.v3_comments_get()', jsonb_build_object('x-ok-key', :'s1_key')), e.code,
  'v3_comments_get as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 200), (3, 403), (4, 403), (5, 200), (6, 200), (7, 200), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;
select is(
  tests.v3(c.who, 'api.v3_comments_post(filename => ''hw01.py'', line => 1, message => ''Nice'')',
           jsonb_build_object('x-ok-key', :'s1_key')),
  e.code, 'v3_comments_post as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 200), (3, 403), (4, 403), (5, 200), (6, 200), (7, 200), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;

-- GET /api/v3/assignment/<name>/group/<email>: the user, their group, staff, admins.
select is(tests.v3(c.who, 'api.v3_group_get()', '{"x-ok-name": "cal/cs61a/fa26/hw01", "x-ok-email": "s1@a.edu"}'),
  e.code, 'v3_group_get of s1 as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 200), (3, 403), (4, 403), (5, 200), (6, 200), (7, 200), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;

-- GET /api/v3/assignment/<name>/export/<email>: the user themself, staff, admins.
select is(tests.v3(c.who, 'api.v3_export_get()', '{"x-ok-name": "cal/cs61a/fa26/hw01", "x-ok-email": "s1@a.edu"}'),
  e.code, 'v3_export_get of s1 as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 200), (3, 403), (4, 403), (5, 200), (6, 200), (7, 200), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;

-- GET /api/v3/assignment/<name>/submissions/: staff and admins.
select is(tests.v3(c.who, 'api.v3_submissions_get()', '{"x-ok-name": "cal/cs61a/fa26/hw01"}'), e.code,
  'v3_submissions_get as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 403), (3, 403), (4, 403), (5, 200), (6, 200), (7, 200), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
order by c.ord;

-- GET /api/v3/course/<offering>/enrollment|roster|grades: staff and admins.
select is(tests.v3(c.who, f.call, '{"x-ok-offering": "cal/cs61a/fa26"}'), e.code, f.call || ' as ' || c.label)
from cast_of as c
inner join (values (1, 401), (2, 403), (3, 403), (4, 403), (5, 200), (6, 200), (7, 200), (8, 403), (9, 200))
  as e (ord, code) on c.ord = e.ord
cross join (values ('api.v3_course_enrollment_get()'), ('api.v3_course_roster_get()'), ('api.v3_course_grades_get()'))
  as f (call)
order by f.call, c.ord;

-- GET /api/v3/course/<offering>/assignments: public.
select is(tests.v3(c.who, 'api.v3_course_assignments_get()', '{"x-ok-offering": "cal/cs61a/fa26"}'), 200,
  'v3_course_assignments_get as ' || c.label)
from cast_of as c order by c.ord;

-- POST /api/v3/revision/: refused (revisions not enabled) for everyone signed in.
select is(
  tests.v3(c.who, 'api.v3_revision_post(assignment => ''cal/cs61a/fa26/hw01'', messages => ''{}'')'),
  case when c.who is null then 401 else 403 end, 'v3_revision_post without revisions as ' || c.label)
from cast_of as c order by c.ord;

-- Export-token access to the course endpoints.
reset role;
select set_config('tests.token', api.rotate_export_token('cal/cs61a/fa26', true), true)
from (select tests.act_as('instructor@a.edu')) as signed_in;
select is(tests.v3(null, 'api.v3_course_roster_get()',
  jsonb_build_object('x-ok-offering', 'cal/cs61a/fa26', 'x-ok-export-token', current_setting('tests.token'))),
  200, 'the roster with the course''s export token');
select is(tests.v3(null, 'api.v3_course_roster_get()',
  jsonb_build_object('x-ok-offering', 'cal/cs61a/fa26', 'x-ok-export-token', 'wrong')),
  403, 'the roster with a wrong export token');
select is(tests.v3(null, 'api.v3_course_roster_get()',
  jsonb_build_object('x-ok-offering', 'cal/cs61b/fa26', 'x-ok-export-token', current_setting('tests.token'))),
  401, 'another course''s roster with that token (its token is not active)');
select is(tests.v3(null, 'api.v3_course_roster_get()',
  jsonb_build_object('x-ok-offering', 'cal/none/fa26', 'x-ok-export-token', 'x')),
  404, 'an unknown course with a token');

select * from finish();
rollback;
