-- app.course_role_label(role): a course role as the pages and CSV files write it ('Student',
-- 'Lab Assistant', 'Reader', 'TA', 'Instructor'); app.course_role_from_text reads it back.
-- Called by: app.roster_csv, api.roster_page. Security: invoker (pure). Raises nothing.
create or replace function app.course_role_label(role app.course_role)
returns text
language sql
immutable
parallel safe
as $$
  select case course_role_label.role
    when 'ta' then 'TA'
    else initcap(replace(course_role_label.role::text, '_', ' '))
  end
$$;

revoke all on function app.course_role_label(app.course_role) from public;
grant execute on function app.course_role_label(app.course_role) to ok_api;
