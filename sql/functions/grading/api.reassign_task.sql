-- api.reassign_task(task_id, grader): move an open grading task to another grader of the
-- course (a reader, TA or instructor). Returns the new grader's email.
-- Called by: the grading view's "Reassign" form. Security: definer as ok_api (the caller's
-- RLS applies: staff see and change their course's tasks).
-- Raises: PT401 not signed in; PT404 no such task (or not the caller's course's);
-- PT403 not a TA or instructor (readers grade their own queue); PT422 the task is done
-- already, or the grader is not staff of the course.
-- requires: auth.staff_roles.sql
-- requires: app.require_login.sql, auth.is_ta_of.sql
create or replace function api.reassign_task(task_id bigint, grader text)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  task app.grading_tasks;
  new_grader app.users;
begin
  perform app.require_login();
  select t.* into task from app.grading_tasks as t where t.id = reassign_task.task_id for update;
  if task.id is null then
    raise sqlstate 'PT404' using message = 'No such grading task';
  end if;
  if not auth.is_ta_of(task.course_id) then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can reassign grading tasks';
  end if;
  if task.score_id is not null then
    raise sqlstate 'PT422' using message = 'That task is graded already';
  end if;
  select u.* into new_grader
  from app.users as u
  inner join app.enrollments as e on u.id = e.user_id
  where lower(u.email) = lower(btrim(reassign_task.grader)) and e.course_id = task.course_id
    and e.role::text = any(auth.staff_roles());
  if new_grader.id is null then
    raise sqlstate 'PT422' using message = format('%s is not a grader of this course', reassign_task.grader);
  end if;
  update app.grading_tasks as t set grader_id = new_grader.id where t.id = task.id;
  return new_grader.email;
end;
$$;

revoke all on function api.reassign_task(bigint, text) from public;
alter function api.reassign_task(bigint, text) owner to ok_api;
grant execute on function api.reassign_task(bigint, text) to ok_user;
comment on function api.reassign_task(bigint, text) is 'Move an open grading task to another grader of the course.';
