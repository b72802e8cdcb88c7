-- auth.staff_roles(): the course roles that count as staff, said once: reader, TA and
-- instructor (lab assistants and students are not staff).
-- Called by: auth.staff_course_ids (the caller's courses as staff), and wherever other users'
-- enrolments are sorted into staff and not: auth.visible_user_ids, api.my_enrollments,
-- api.assign_grading, api.reassign_task, api.grading_view.
-- Security: invoker; immutable. Raises nothing.
create or replace function auth.staff_roles()
returns text[]
language sql
immutable
parallel safe
as $$
  select array['reader', 'ta', 'instructor']
$$;

revoke all on function auth.staff_roles() from public;
grant execute on function auth.staff_roles() to ok_anon, ok_user, ok_worker, ok_auth, ok_api;
comment on function auth.staff_roles() is 'The course roles that count as staff: reader, TA and instructor.';
