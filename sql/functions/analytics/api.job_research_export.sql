-- api.job_research_export(job_id, worker, dataset, after_id, batch_size): one page of a
-- research export (api.start_research_export) of the job's course, read from the analytics
-- snapshots, so the pseudonyms are the views' own. With dataset null: the plan, {"course",
-- "refreshed" (analytics.snapshot, UTC), "min_cell_size", "datasets": [{"name", "description",
-- "columns": [{"name", "type", "meaning"}]}]} from the views' comments (the data dictionary).
-- With a dataset (a snapshot's name): {"rows": [...], "next": <after_id for the next page, or
-- null at the end>}; backup_runs is paged by backup_id, at most batch_size (1..5000) rows, the
-- others (a row per student and assignment at most) come whole.
-- Called by: worker/jobs.py (research_export) as ok_worker.
-- Security: definer (app.held_job: the job's creator, an admin, is checked again now).
-- Raises: PT409 (app.held_job); PT401, PT403 (app.require_admin); PT422 a job of another kind,
-- an unknown dataset or a batch size out of range.
-- requires: app.held_job.sql, app.require_admin.sql, app.course_time_text.sql
create or replace function api.job_research_export(
  job_id bigint, worker text, dataset text default null, after_id bigint default 0, batch_size integer default 1000
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_research_export.job_id, job_research_export.worker);
  course bigint := held.course_id;
  page jsonb;
  last_id bigint;
begin
  if held.name <> 'research_export' then
    raise sqlstate 'PT422' using message = format('Job %s is not a research export', held.id);
  end if;
  perform app.require_admin();
  if job_research_export.batch_size is null or job_research_export.batch_size not between 1 and 5000 then
    raise sqlstate 'PT422' using message = 'batch_size is from 1 to 5000';
  end if;
  if job_research_export.dataset is null then
    return jsonb_build_object(
      'course', held.params ->> 'target',
      'refreshed', (select app.course_time_text(s.refreshed_at, 'UTC') from analytics.snapshot as s),
      'min_cell_size', (select s.min_cell_size from analytics.snapshot as s),
      'datasets', (
        select jsonb_agg(jsonb_build_object(
            'name', c.relname, 'description', obj_description(c.oid, 'pg_class'),
            'columns', (
              select jsonb_agg(jsonb_build_object(
                  'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                  'meaning', col_description(c.oid, a.attnum)) order by a.attnum)
              from pg_catalog.pg_attribute as a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
            )) order by c.relname)
        from pg_catalog.pg_class as c inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
        where n.nspname = 'analytics' and c.relkind in ('m', 'v') and c.relname <> 'snapshot'
      )
    );
  end if;
  case job_research_export.dataset
    when 'backup_runs' then
      select jsonb_agg(to_jsonb(r) order by r.backup_id), max(r.backup_id) into page, last_id
      from (
        select * from analytics.backup_runs as x
        where x.course_id = course and x.backup_id > coalesce(job_research_export.after_id, 0)
        order by x.backup_id limit job_research_export.batch_size
      ) as r;
      return jsonb_build_object('rows', coalesce(page, '[]'),
                                'next', case when last_id is not null then last_id end);
    when 'final_submissions' then
      select jsonb_agg(to_jsonb(r) order by r.assignment_id, r.student_key) into page
      from analytics.final_submissions as r where r.course_id = course;
    when 'student_scores' then
      select jsonb_agg(to_jsonb(r) order by r.score_id) into page
      from analytics.student_scores as r where r.course_id = course;
    when 'extensions' then
      select jsonb_agg(to_jsonb(r) order by r.kind, r.source_id) into page
      from analytics.extensions as r where r.course_id = course;
    when 'group_members' then
      select jsonb_agg(to_jsonb(r) order by r.assignment_id, r.student_key) into page
      from analytics.group_members as r where r.course_id = course;
    when 'question_attempts' then
      select jsonb_agg(to_jsonb(r) order by r.assignment_id, r.question) into page
      from analytics.question_attempts as r where r.course_id = course;
    when 'assignment_progress' then
      select jsonb_agg(to_jsonb(r) order by r.assignment_id) into page
      from analytics.assignment_progress as r where r.course_id = course;
    when 'assignment_activity_daily' then
      select jsonb_agg(to_jsonb(r) order by r.assignment_id, r.day_utc) into page
      from analytics.assignment_activity_daily as r where r.course_id = course;
    when 'submissions_before_deadline' then
      select jsonb_agg(to_jsonb(r) order by r.assignment_id, r.hours_before_due) into page
      from analytics.submissions_before_deadline as r where r.course_id = course;
    when 'score_distribution' then
      select jsonb_agg(to_jsonb(r) order by r.assignment_id, r.kind) into page
      from analytics.score_distribution as r where r.course_id = course;
    when 'section_scores' then
      select jsonb_agg(to_jsonb(r) order by r.assignment_id, r.section, r.kind) into page
      from analytics.section_scores as r where r.course_id = course;
    when 'enrollment_by_section' then
      select jsonb_agg(to_jsonb(r) order by r.section, r.role) into page
      from analytics.enrollment_by_section as r where r.course_id = course;
    else
      raise sqlstate 'PT422' using message = format('No dataset %L in a research export', job_research_export.dataset);
  end case;
  return jsonb_build_object('rows', coalesce(page, '[]'), 'next', null);
end;
$$;

revoke all on function api.job_research_export(bigint, text, text, bigint, integer) from public;
grant execute on function api.job_research_export(bigint, text, text, bigint, integer) to ok_worker;
comment on function api.job_research_export(bigint, text, text, bigint, integer) is
'A page of a course''s pseudonymous research export, or its plan and data dictionary (worker).';
