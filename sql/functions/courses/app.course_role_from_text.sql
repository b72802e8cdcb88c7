-- app.course_role_from_text(role): a course role as people type it, said once for enrolling
-- one person and a roster CSV: any case, with '-', '_' or a space ('Lab Assistant',
-- 'lab-assistant', 'TA'); null for anything else. An empty role is not a role (callers decide
-- a default).
-- Called by: api.enroll, api.roster_import. Security: invoker (pure). Raises nothing.
create or replace function app.course_role_from_text(role text)
returns app.course_role
language sql
immutable
parallel safe
as $$
  select r.value
  from unnest(enum_range(null::app.course_role)) as r (value)
  where r.value::text = regexp_replace(lower(btrim(course_role_from_text.role)), '[-\s]+', '_', 'g')
$$;

revoke all on function app.course_role_from_text(text) from public;
grant execute on function app.course_role_from_text(text) to ok_api;
