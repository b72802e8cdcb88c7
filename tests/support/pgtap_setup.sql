-- Test helpers loaded into the test template database only (never into production).
-- tests.act_as(email) / tests.act_as_anon() replay what PostgREST does at the start of a
-- request: switch to the request role and set request.jwt.claims, transaction-locally.
-- tests.fixture() loads a small cast: two courses and one user per role.
create schema if not exists tests;
grant usage on schema tests to public;
-- pgTAP lives in public; request roles call it after tests.act_as switches role.
grant usage on schema public to public;

create or replace function tests.act_as(who text)
returns void
language plpgsql
volatile
as $$
declare
  person app.users;
begin
  perform set_config('role', 'none', true);
  select u.* into strict person from app.users as u where lower(u.email) = lower(who);
  perform set_config('role', case when person.is_admin then 'ok_admin' else 'ok_user' end, true);
  perform set_config('request.jwt.claims', jsonb_build_object(
    'role', case when person.is_admin then 'ok_admin' else 'ok_user' end,
    'sub', person.id::text, 'email', person.email)::text, true);
end;
$$;

-- tests.act_as_api(email): what an api function running as ok_api (security definer) sees
-- for that caller: the caller's claims, role ok_api. For testing the row-level security
-- that ok_api's writes go through; request roles themselves write no table.
create or replace function tests.act_as_api(who text)
returns void
language plpgsql
volatile
as $$
begin
  perform tests.act_as(who);
  perform set_config('role', 'none', true);
  perform set_config('role', 'ok_api', true);
end;
$$;

-- tests.hashid(id): a backup's public key, for tests acting as request roles (which may not
-- execute app.hashid_encode themselves).
create or replace function tests.hashid(id bigint)
returns text
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$ select app.hashid_encode(id) $$;

create or replace function tests.act_as_anon()
returns void
language plpgsql
volatile
as $$
begin
  perform set_config('role', 'none', true);
  perform set_config('role', 'ok_anon', true);
  perform set_config('request.jwt.claims', '{"role": "ok_anon"}', true);
end;
$$;

create or replace function tests.act_as_owner()
returns void
language plpgsql
volatile
as $$
begin
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '{"actor": "tests"}', true);
end;
$$;

create or replace function tests.user_id(who text)
returns bigint
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$ select u.id from app.users as u where lower(u.email) = lower(who) $$;

-- Two courses; in A one user per course role; in B a student and a TA; one site admin.
-- Each student of A has a backup and a submission of A's hw01; B's student one backup.
create or replace function tests.fixture()
returns void
language plpgsql
volatile
as $$
begin
  perform set_config('request.jwt.claims', '{"actor": "fixture"}', true);
  insert into app.users (email, name, is_admin) values
    ('admin@x.edu', 'Admin', true), ('instructor@a.edu', 'Ina', false),
    ('ta@a.edu', 'Tom', false), ('reader@a.edu', 'Rea', false), ('lab@a.edu', 'Lab', false),
    ('s1@a.edu', 'Sam', false), ('s2@a.edu', 'Sue', false),
    ('s1@b.edu', 'Bob', false), ('ta@b.edu', 'Tib', false);
  insert into app.courses (offering, display_name) values
    ('cal/cs61a/fa26', 'CS 61A'), ('cal/cs61b/fa26', 'CS 61B');
  insert into app.enrollments (user_id, course_id, role)
  select u.id, c.id, r.role::app.course_role
  from (values
    ('instructor@a.edu', 'cal/cs61a/fa26', 'instructor'), ('ta@a.edu', 'cal/cs61a/fa26', 'ta'),
    ('reader@a.edu', 'cal/cs61a/fa26', 'reader'), ('lab@a.edu', 'cal/cs61a/fa26', 'lab_assistant'),
    ('s1@a.edu', 'cal/cs61a/fa26', 'student'), ('s2@a.edu', 'cal/cs61a/fa26', 'student'),
    ('s1@b.edu', 'cal/cs61b/fa26', 'student'), ('ta@b.edu', 'cal/cs61b/fa26', 'ta')
  ) as r (email, offering, role)
  inner join app.users as u on u.email = r.email
  inner join app.courses as c on c.offering = r.offering;
  insert into app.assignments (course_id, name, display_name, due_at, lock_at, visible, published_score_kinds)
  select c.id, c.offering || '/' || a.word, a.word, now() + a.due_in, now() + a.due_in + interval '1 day',
         a.visible, array['total']
  from app.courses as c
  cross join (values ('hw01', interval '2 days', true), ('secret', interval '9 days', false))
    as a (word, due_in, visible);
  insert into app.backups (assignment_id, course_id, submitter_id, submit)
  select a.id, a.course_id, u.id, s.submit
  from app.assignments as a
  inner join app.users as u on u.email in ('s1@a.edu', 's2@a.edu', 's1@b.edu')
  inner join app.enrollments as e on e.user_id = u.id and e.course_id = a.course_id
  cross join (values (false), (true)) as s (submit)
  where a.name like '%/hw01'
  -- ids in a known order (tests rely on s1's submission coming before s2's)
  order by a.id, u.id, s.submit;
  insert into app.messages (backup_id, kind, contents)
  select b.id, 'file_contents', '{"hw01.py": "print(1)"}' from app.backups as b;
end;
$$;

grant execute on all functions in schema tests to public;

-- tests.sign_in(who): what a browser sign-in gives: a session recorded by api.login, and
-- its claims (with the session's jti) set as the request's, under the role they name.
create or replace function tests.sign_in(who text)
returns jsonb
language plpgsql
volatile
as $$
declare
  claims jsonb;
begin
  perform set_config('role', 'none', true);
  claims := api.login(who);
  perform set_config('role', claims ->> 'role', true);
  perform set_config('request.jwt.claims', claims::text, true);
  return claims;
end;
$$;

-- tests.v3(who, call, headers): run one /api/v3 function the way a request would: as `who`
-- (an email; null for anonymous), with the given request headers (x-ok-* path parts), and
-- return the envelope's code. `call` is a constant expression written in the test file.
create or replace function tests.v3(who text, call text, headers jsonb default '{}')
returns integer
language plpgsql
volatile
as $$
declare
  reply jsonb;
  outer_path text := current_setting('search_path');
begin
  if who is null then
    perform tests.act_as_anon();
  else
    perform tests.act_as(who);
  end if;
  perform set_config('request.headers', headers::text, true);
  perform set_config('search_path', 'api', true);  -- what PostgREST sets
  execute 'select ' || call into reply;
  perform set_config('search_path', outer_path, true);
  if (reply ->> 'code')::integer is distinct from nullif(current_setting('response.status', true), '')::integer then
    raise exception 'response.status % differs from the envelope code %',
      current_setting('response.status', true), reply ->> 'code';
  end if;
  return (reply ->> 'code')::integer;
end;
$$;

-- tests.act_as_role(role): a request role with no user (ok_auth: the web app's sign-in steps).
create or replace function tests.act_as_role(request_role text)
returns void
language plpgsql
volatile
as $$
begin
  perform set_config('role', 'none', true);
  perform set_config('role', request_role, true);
  perform set_config('request.jwt.claims', jsonb_build_object('role', request_role)::text, true);
end;
$$;

-- tests.shared_best_drift(): how many entries of app.shared_best_scores (kept by triggers)
-- differ from app.shared_best recomputed from scratch, for every assignment and every user with
-- a score or a group membership there: 0 when the summary is exact. Read by
-- tests/sql/rules_shared_best.sql and tests/py/test_concurrency.py.
create or replace function tests.shared_best_drift()
returns bigint
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  with kept as (
    select s.course_id, s.user_id, e.key::bigint as assignment_id, e.value as kinds
    from app.shared_best_scores as s cross join lateral jsonb_each(s.best) as e
  ),
  recomputed as (
    select a.course_id, b.student_id, a.id, b.kinds
    from app.assignments as a
    cross join lateral app.shared_best(a.id, array(
      select sc.user_id from app.scores as sc where sc.assignment_id = a.id
      union select m.user_id from app.group_members as m where m.assignment_id = a.id
    )) as b
    where b.kinds is not null
  )
  select count(*) from ((table kept except table recomputed) union all (table recomputed except table kept)) as d
$$;

grant execute on all functions in schema tests to public;
