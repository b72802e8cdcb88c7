-- app.autograder_plans(task_ids, as_user): what the worker sends for these tasks (rows of
-- app.autograder_tasks), grouped as the autograder takes them: one batch per assignment and
-- priority, each with the course's autograder URL, the assignment's autograder key, and a
-- fresh token (app.mint_autograder_token) for the staff member the work is done for:
-- as_user, else the creator of the job that first sent the task.
--   [{"url", "key", "priority", "claims", "tasks": [{"id", "backup"}]}]
-- A task whose course lost its URL, or assignment its key, is not in any plan (its caller
-- leaves it to be given up). Called by: api.job_autograde, api.job_autograder_record.
-- Security: definer (reads tasks, courses and jobs; mints tokens). Raises nothing.
-- requires: app.mint_autograder_token.sql, app.hashid_encode.sql
create or replace function app.autograder_plans(task_ids bigint[], as_user bigint default null)
returns jsonb
language sql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'url', g.url, 'key', g.key, 'priority', g.priority,
    'claims', app.mint_autograder_token(g.course_id, g.user_id),
    'tasks', g.tasks) order by g.assignment_id, g.priority), '[]'::jsonb)
  from (
    select c.id as course_id, a.id as assignment_id, rtrim(c.autograder_url, '/') as url, a.autograder_key as key,
      t.priority, coalesce(as_user, j.user_id) as user_id,
      jsonb_agg(jsonb_build_object('id', t.id, 'backup', app.hashid_encode(t.backup_id)) order by t.id) as tasks
    from app.autograder_tasks as t
    inner join app.assignments as a on t.assignment_id = a.id
    inner join app.courses as c on t.course_id = c.id
    left join app.jobs as j on t.job_id = j.id
    where t.id = any(task_ids) and c.autograder_url is not null and a.autograder_key is not null
      and coalesce(as_user, j.user_id) is not null
    group by c.id, a.id, t.priority, coalesce(as_user, j.user_id)
  ) as g
$$;

revoke all on function app.autograder_plans(bigint[], bigint) from public;
