-- v3.role_name(role): a course role as okpy/ok's API spelled it (student, lab assistant,
-- grader, staff, instructor), so scripts written for the original keep working.
-- Called by: api.v3_* functions. Security: invoker. Raises nothing.
create or replace function v3.role_name(role text)
returns text
language sql
immutable
parallel safe
as $$
  select case role
    when 'lab_assistant' then 'lab assistant'
    when 'reader' then 'grader'
    when 'ta' then 'staff'
    else role
  end
$$;

revoke all on function v3.role_name(text) from public;
grant execute on function v3.role_name(text) to ok_api;
