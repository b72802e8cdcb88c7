-- api.job_backups(job_id, worker, after_submitter, after_id, batch_size): a page of every
-- backup of an export job's assignment, for research, pseudonymous: by student, then id,
-- after the cursor (the previous page's "next"), at most batch_size (1..1000), each {"backup_id", "student" (analytics.student_key of its
-- submitter), "created_at" (UTC, ISO 8601), "submit", "flagged", "late_by_seconds" (past
-- the effective due date of the submitter's current unit, as v3.backups_json and the pages
-- say it: app.unit_dates, app.submission_time, app.late_by; null if on time),
-- "client_version", "messages": {kind: contents}}; "next", the cursor of the following page
-- (for the worker only: it is not written to the file); with the first page "total" (how
-- many backups, for the job's progress). No names, emails or backup keys.
-- Called by: worker/jobs.py as ok_worker, page by page. Security: definer (app.held_job;
-- app.require_staff under the creator's claims).
-- Raises: PT409 (app.held_job); PT401, PT403, PT404 (app.require_staff); PT422 a job of
-- another kind, a batch size outside 1..1000.
-- requires: app.held_job.sql, app.require_staff.sql, app.unit_dates.sql, app.group_member_ids.sql
-- requires: app.submission_time.sql, app.late_by.sql
create or replace function api.job_backups(
  job_id bigint, worker text, after_submitter bigint default 0, after_id bigint default 0, batch_size integer default 500
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_backups.job_id, job_backups.worker);
  target bigint := (held.params ->> 'assignment_id')::bigint;
  page jsonb;
  next_page jsonb;
begin
  if held.name <> 'export_backups' then
    raise sqlstate 'PT422' using message = format('Job %s is not a backups export', held.id);
  end if;
  if job_backups.batch_size is null or job_backups.batch_size not between 1 and 1000 then
    raise sqlstate 'PT422' using message = 'A page is 1 to 1000 backups';
  end if;
  perform app.require_staff(held.params ->> 'target', 'assignment');
  -- Paged by student, so that each student's pseudonym and dates are computed once per page
  -- rather than once per backup (a student has dozens of backups).
  with backups_page as materialized (
    select x.* from app.backups as x
    where x.assignment_id = target
      and (x.submitter_id, x.id) > (coalesce(job_backups.after_submitter, 0), coalesce(job_backups.after_id, 0))
    order by x.submitter_id, x.id
    limit job_backups.batch_size
  ),
  people as materialized (
    select s.submitter_id, analytics.student_key(held.course_id, s.submitter_id) as student, d.*
    from (select distinct p.submitter_id from backups_page as p) as s
    cross join lateral app.unit_dates(target, app.group_member_ids(target, s.submitter_id)) as d
  )
  select coalesce(jsonb_agg(jsonb_build_object(
      'backup_id', b.id,
      'student', w.student,
      'created_at', to_char(b.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'submit', b.submit,
      'flagged', b.flagged,
      'late_by_seconds', extract(epoch from app.late_by(
        app.submission_time(b.created_at, b.custom_submission_time, w.extension_custom_time, w.extension_expires),
        w.due_at)),
      'client_version', b.client_version,
      'messages', (select coalesce(jsonb_object_agg(m.kind, m.contents), '{}'::jsonb) from app.messages as m where m.backup_id = b.id)
    ) order by b.submitter_id, b.id), '[]'::jsonb),
    (select jsonb_build_object('submitter', l.submitter_id, 'id', l.id) from backups_page as l
     order by l.submitter_id desc, l.id desc limit 1)
  into page, next_page
  from backups_page as b
  inner join people as w on b.submitter_id = w.submitter_id;
  return jsonb_build_object('backups', page, 'next', next_page)
    || case when coalesce(job_backups.after_submitter, 0) = 0 and coalesce(job_backups.after_id, 0) = 0 then
      jsonb_build_object('total', (select count(*) from app.backups as x where x.assignment_id = target)) else '{}'::jsonb end;
end;
$$;

revoke all on function api.job_backups(bigint, text, bigint, bigint, integer) from public;
grant execute on function api.job_backups(bigint, text, bigint, bigint, integer) to ok_worker;
comment on function api.job_backups(bigint, text, bigint, bigint, integer) is
'A page of an assignment''s backups, pseudonymous, for a backups export job (worker).';
