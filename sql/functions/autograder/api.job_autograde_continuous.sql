-- api.job_autograde_continuous(job_id, worker): what a continuous-autograding job sends
-- (app.tg_backups__autograde queued it with the submission): the course's URL and the body
-- okpy/ok posted to <url>/api/file/grade/continous (sic):
--   {"url", "body": {"assignment": <autograder key>, "file_contents": {...},
--                    "submitter": <email>, "emails": [<the group's emails>]}}
-- The autograder grades the files itself and mails the students; no token is sent.
-- Null when continuous autograding was turned off (or the URL or key removed) meanwhile.
-- Called by: worker/autograder.py (the autograde_continuous job), as ok_worker.
-- Security: definer (app.held_job). Raises: PT409 (app.held_job); PT422 a job of another kind.
-- requires: app.held_job.sql
create or replace function api.job_autograde_continuous(job_id bigint, worker text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_autograde_continuous.job_id, job_autograde_continuous.worker);
begin
  if held.name <> 'autograde_continuous' then
    raise sqlstate 'PT422' using message = format('Job %s is not a continuous autograding job', held.id);
  end if;
  return (
    select jsonb_build_object('url', rtrim(c.autograder_url, '/'), 'body', jsonb_build_object(
      'assignment', a.autograder_key,
      'file_contents', coalesce((select m.contents from app.messages as m
                                 where m.backup_id = b.id and m.kind = 'file_contents'), '{}'),
      'submitter', u.email,
      'emails', coalesce((select jsonb_agg(mu.email order by mu.email)
                          from app.current_groups as g
                          cross join lateral unnest(g.member_ids) as gm (user_id)
                          inner join app.users as mu on gm.user_id = mu.id
                          where g.assignment_id = a.id and g.user_id = u.id), jsonb_build_array(u.email))))
    from app.backups as b
    inner join app.assignments as a on b.assignment_id = a.id
    inner join app.courses as c on a.course_id = c.id
    inner join app.users as u on b.submitter_id = u.id
    where b.id = (held.params ->> 'backup_id')::bigint
      and a.continuous_autograding and a.autograder_key is not null and c.autograder_url is not null
  );
end;
$$;

revoke all on function api.job_autograde_continuous(bigint, text) from public;
grant execute on function api.job_autograde_continuous(bigint, text) to ok_worker;
comment on function api.job_autograde_continuous(bigint, text) is
'The submission a continuous-autograding job sends, in okpy/ok''s form (worker).';
