-- api.roster_import(offering, people, replace, apply): a roster CSV, previewed then applied.
-- people: [{"row", "email", "name", "sid", "section", "role"}], one per data line of the file
-- (row: its line number, for the errors). An empty role means student; roles are read as
-- people type them (app.course_role_from_text); an empty sid or section keeps the one on
-- record, as api.enroll does; text cells are read back through v3.csv_field_read (the
-- roster download's formula guard undone). Answers the plan, computed in one statement:
--   {"additions": [{"row", "email", "name", "sid", "section", "role"}],
--    "changes": [{... the same, "was": {"role", "sid", "section"}}],
--    "removals": [{"email", "name", "sid", "section", "role"}] (with replace: the students
--                 not in the file; staff are never removed by an import),
--    "errors": [{"row", "message"}], "unchanged": n, "applied": boolean}
-- With apply, and only when no row is bad, the plan is carried out in the same transaction
-- (users created in one statement by app.ensure_users, enrollments upserted and deleted in one
-- each); a bad row applies nothing. The preview and the apply compute the plan from the
-- roster as it is at that moment, so applying a stale preview cannot undo a later change.
-- Called by: POST /staff/<offering>/roster/import (preview, then Apply).
-- Security: definer as ok_api (the caller's RLS applies: enrollments_write is for the
-- course's instructors); instructors and admins (app.require_instructor).
-- Raises: PT401, PT403, PT404 (app.require_instructor); PT422 no rows, or more than 10,000;
-- PT409 the import would leave the course without an instructor (app.keep_an_instructor).
-- requires: app.require_instructor.sql, app.course_role_from_text.sql, app.email_is_valid.sql
-- requires: app.ensure_users.sql, app.keep_an_instructor.sql, v3.csv_field_read.sql
create or replace function api.roster_import(
  offering text, people jsonb, replace boolean default false, apply boolean default false
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target_course bigint := app.require_instructor(roster_import.offering, 'change enrollment');
  plan jsonb;
  todo jsonb;
begin
  if roster_import.people is null or jsonb_typeof(roster_import.people) <> 'array'
     or jsonb_array_length(roster_import.people) = 0 then
    raise sqlstate 'PT422' using message = 'The file has no rows: expected a header (email,name,sid,section,role) and a row per person';
  end if;
  if jsonb_array_length(roster_import.people) > 10000 then
    raise sqlstate 'PT422' using message = 'At most 10,000 rows at once';
  end if;

  with given as (
    select
      (p ->> 'row')::integer as row_number,
      btrim(coalesce(v3.csv_field_read(p ->> 'email'), '')) as email,
      nullif(btrim(v3.csv_field_read(p ->> 'name')), '') as name,
      nullif(btrim(v3.csv_field_read(p ->> 'sid')), '') as sid,
      nullif(btrim(v3.csv_field_read(p ->> 'section')), '') as section,
      nullif(btrim(p ->> 'role'), '') as role_text,
      app.course_role_from_text(coalesce(nullif(btrim(p ->> 'role'), ''), 'student')) as role,
      min((p ->> 'row')::integer) over (partition by lower(btrim(coalesce(v3.csv_field_read(p ->> 'email'), '')))) as first_row
    from jsonb_array_elements(roster_import.people) as p
  ),
  checked as (
    select g.*, case
      when g.email = '' then 'No email address'
      when not app.email_is_valid(g.email) then format('Malformed email address %L', g.email)
      when g.role is null then format('Unknown role %L: expected student, lab assistant, reader, TA or instructor', g.role_text)
      when g.row_number <> g.first_row then format('%s is also on row %s', g.email, g.first_row)
    end as problem
    from given as g
  ),
  enrolled as (
    select u.email, u.name, e.role, e.sid, e.section
    from app.enrollments as e inner join app.users as u on e.user_id = u.id
    where e.course_id = target_course
  ),
  compared as (
    select c.*, n.email is not null as is_enrolled, n.role as was_role, n.sid as was_sid, n.section as was_section,
      coalesce(c.sid, n.sid) as new_sid, coalesce(c.section, n.section) as new_section
    from checked as c left join enrolled as n on lower(c.email) = lower(n.email)
    where c.problem is null
  )
  select jsonb_build_object(
    'errors', coalesce((
      select jsonb_agg(jsonb_build_object('row', c.row_number, 'message', c.problem) order by c.row_number)
      from checked as c where c.problem is not null
    ), '[]'::jsonb),
    'additions', coalesce((
      select jsonb_agg(jsonb_build_object('row', c.row_number, 'email', c.email, 'name', c.name, 'sid', c.sid,
                                          'section', c.section, 'role', c.role) order by c.row_number)
      from compared as c where not c.is_enrolled
    ), '[]'::jsonb),
    'changes', coalesce((
      select jsonb_agg(jsonb_build_object(
        'row', c.row_number, 'email', c.email, 'name', c.name, 'sid', c.new_sid, 'section', c.new_section,
        'role', c.role, 'was', jsonb_build_object('role', c.was_role, 'sid', c.was_sid, 'section', c.was_section)
      ) order by c.row_number)
      from compared as c
      where c.is_enrolled and (c.role, c.new_sid, c.new_section) is distinct from (c.was_role, c.was_sid, c.was_section)
    ), '[]'::jsonb),
    'unchanged', (
      select count(*) from compared as c
      where c.is_enrolled and (c.role, c.new_sid, c.new_section) is not distinct from (c.was_role, c.was_sid, c.was_section)
    ),
    'removals', coalesce((
      select jsonb_agg(jsonb_build_object('email', n.email, 'name', n.name, 'sid', n.sid, 'section', n.section,
                                          'role', n.role) order by lower(n.email))
      from enrolled as n
      where coalesce(roster_import.replace, false) and n.role = 'student'
        and not exists (select 1 from given as g where lower(g.email) = lower(n.email))
    ), '[]'::jsonb)
  ) into plan;

  if not coalesce(roster_import.apply, false) or plan -> 'errors' <> '[]'::jsonb then
    return plan || jsonb_build_object('applied', false);
  end if;

  todo := (plan -> 'additions') || (plan -> 'changes');
  insert into app.enrollments as e (user_id, course_id, role, sid, section)
  select u.user_id, target_course, (p ->> 'role')::app.course_role, p ->> 'sid', p ->> 'section'
  from jsonb_array_elements(todo) as p
  inner join app.ensure_users((
    select coalesce(jsonb_agg(jsonb_build_object('email', t ->> 'email', 'name', t ->> 'name')), '[]'::jsonb)
    from jsonb_array_elements(todo) as t
  )) as u on lower(u.email) = lower(p ->> 'email')
  on conflict on constraint enrollments_pkey do update
  set role = excluded.role, sid = excluded.sid, section = excluded.section;

  delete from app.enrollments as e
  using app.users as u
  where e.user_id = u.id and e.course_id = target_course and e.role = 'student'
    and lower(u.email) in (select lower(r ->> 'email') from jsonb_array_elements(plan -> 'removals') as r);

  if exists (select 1 from jsonb_array_elements(plan -> 'changes') as c where c #>> '{was,role}' = 'instructor') then
    perform app.keep_an_instructor(target_course);
  end if;
  return plan || jsonb_build_object('applied', true);
end;
$$;

revoke all on function api.roster_import(text, jsonb, boolean, boolean) from public;
alter function api.roster_import(text, jsonb, boolean, boolean) owner to ok_api;
grant execute on function api.roster_import(text, jsonb, boolean, boolean) to ok_user;
comment on function api.roster_import(text, jsonb, boolean, boolean) is
'Preview, then apply, a roster CSV: additions, changes, removals (replace mode), row-numbered errors (instructors).';
