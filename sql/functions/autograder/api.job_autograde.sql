-- api.job_autograde(job_id, worker): what an autograde job (api.start_autograde) sends, said
-- when the worker starts it: the tasks to send (app.autograder_tasks, one per backup: every
-- final submission of the assignment's enrolled students and groups, app.unit_finals, or
-- the one backup asked for), made on the first attempt and reused on a retry, less those an
-- earlier attempt already sent; then the plans (app.autograder_plans) with a token for the
-- job's creator. The checks are the creator's, now (app.held_job): a TA who lost the role
-- sends nothing.
--   {"total", "already_sent", "plans": [{"url", "key", "priority", "claims", "tasks": [...]}]}
-- Called by: worker/autograder.py (the autograde job), as ok_worker.
-- Security: definer (app.held_job, app.require_staff). Raises: PT409 (app.held_job); PT422
-- a job of another kind, or the course's URL or the assignment's key gone meanwhile;
-- PT401/PT403/PT404 (app.require_staff).
-- requires: app.held_job.sql, app.require_staff.sql, app.unit_finals.sql, app.autograder_plans.sql
create or replace function api.job_autograde(job_id bigint, worker text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_autograde.job_id, job_autograde.worker);
  target bigint;
  plans jsonb;
  to_send bigint[];
  total bigint;
begin
  if held.name <> 'autograde' then
    raise sqlstate 'PT422' using message = format('Job %s is not an autograde job', held.id);
  end if;
  perform app.require_staff(held.params ->> 'target', 'assignment');
  target := (held.params ->> 'assignment_id')::bigint;
  if not exists (select 1 from app.assignments as a inner join app.courses as c on a.course_id = c.id
                 where a.id = target and a.autograder_key is not null and c.autograder_url is not null) then
    raise sqlstate 'PT422' using message = 'The course''s autograder URL or the assignment''s key was removed';
  end if;
  if not exists (select 1 from app.autograder_tasks as t where t.job_id = held.id) then
    insert into app.autograder_tasks (job_id, course_id, assignment_id, backup_id, priority)
    select held.id, held.course_id, target, b.backup_id, held.params ->> 'priority'
    from (
      select (held.params ->> 'backup_id')::bigint as backup_id
      where held.params ->> 'backup_id' is not null
      union all
      select f.backup_id from app.unit_finals(target) as f
      where held.params ->> 'backup_id' is null and f.enrolled and f.backup_id is not null and f.is_submission
    ) as b
    order by b.backup_id;
  end if;
  select count(*), array_agg(t.id) filter (where t.status = 'sending')
  into total, to_send
  from app.autograder_tasks as t where t.job_id = held.id;
  plans := app.autograder_plans(coalesce(to_send, '{}'), held.user_id);
  return jsonb_build_object('total', total, 'already_sent', total - coalesce(cardinality(to_send), 0),
                            'plans', plans);
end;
$$;

revoke all on function api.job_autograde(bigint, text) from public;
grant execute on function api.job_autograde(bigint, text) to ok_worker;
comment on function api.job_autograde(bigint, text) is
'The backups an autograde job sends, with the autograder''s URL, key and a token (worker).';
