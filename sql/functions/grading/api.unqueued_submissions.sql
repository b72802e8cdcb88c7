-- api.unqueued_submissions(assignment): final submissions (or latest backups) that are in no
-- grading queue, so nobody is lost between queues (the original lost students): each unit's
-- members (emails), the key of its backup that counts and the reason (app.unit_finals).
-- Keys and emails are made only for the units in no queue.
-- Called by: api.grading_queue (the queue page), scripts. Security: definer as ok_api (the
-- caller's RLS applies) over app.unit_finals, which shows staff every unit of their course
-- and anyone else only their own; a hidden assignment has rows for its staff only.
-- Raises nothing.
-- requires: auth.is_staff_of.sql, app.unit_finals.sql, app.hashid_encode.sql
create or replace function api.unqueued_submissions(assignment text)
returns table (members text[], backup_key text, reason text)
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select
    (select array_agg(u.email::text order by u.email) from app.users as u where u.id = any(f.member_ids)),
    app.hashid_encode(f.backup_id),
    f.reason
  from app.assignments as a
  cross join lateral app.unit_finals(a.id) as f
  where a.name = unqueued_submissions.assignment
    and (a.visible or auth.is_staff_of(a.course_id))
    and f.backup_id is not null
    and not exists (select 1 from app.grading_tasks as t where t.backup_id = f.backup_id)
  order by 1
$$;

revoke all on function api.unqueued_submissions(text) from public;
alter function api.unqueued_submissions(text) owner to ok_api;
grant execute on function api.unqueued_submissions(text) to ok_user;
comment on function api.unqueued_submissions(text) is 'Final submissions that are in no grading queue.';
