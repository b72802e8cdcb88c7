-- api.job_final_submissions(job_id, worker): the plan of a final-submissions export, as the
-- job's creator would see it now (app.held_job, app.require_staff): one entry per enrolled
-- student or group that has a backup that counts (app.unit_finals, the rule every page
-- uses), in folder order, with the folder its files go in and its info.json:
--   {"root": "<assignment name, / as ->", "units": [{"folder", "backup_id", "info", "skipped"}]}
-- Folders follow okpy/ok: "<member emails, sorted, joined by ->/<backup key>". Anonymized
-- (params.anonymized): "<pseudonymous keys (analytics.student_key), sorted, joined by ->",
-- an info.json without names, emails, backup keys or score messages, and a unit whose files
-- contain a member's email is skipped (okpy/ok's guard), with the reason in "skipped".
-- info: members (email, name, SID), submitter, backup key, created, submission time (course
-- time with the zone), late by, whether it is a submission, flagged, the reason it counts,
-- and its scores (kind, score, message, grader) that are not archived.
-- Called by: worker/jobs.py (then api.job_backup_files, a batch at a time), as ok_worker.
-- Security: definer (app.held_job), with the creator's claims for app.unit_finals.
-- Raises: PT409 (app.held_job); PT401, PT403, PT404 (app.require_staff); PT422 a job of
-- another kind.
-- requires: app.held_job.sql, app.require_staff.sql, app.unit_finals.sql, app.hashid_encode.sql
-- requires: app.course_time_text.sql, app.human_interval.sql, app.backup_files.sql
create or replace function api.job_final_submissions(job_id bigint, worker text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_final_submissions.job_id, job_final_submissions.worker);
  anonymized boolean;
  target bigint;
  zone text;
  plan jsonb;
begin
  if held.name <> 'export_final_submissions' then
    raise sqlstate 'PT422' using message = format('Job %s is not a final-submissions export', held.id);
  end if;
  perform app.require_staff(held.params ->> 'target', 'assignment');
  anonymized := coalesce((held.params ->> 'anonymized')::boolean, false);
  select a.id, c.timezone into target, zone
  from app.assignments as a inner join app.courses as c on a.course_id = c.id
  where a.name = held.params ->> 'target';

  with finals as (
    select f.* from app.unit_finals(target) as f where f.enrolled and f.backup_id is not null
  ),
  people as (
    select f.backup_id,
      jsonb_agg(jsonb_build_object('email', u.email, 'name', u.name, 'sid', e.sid) order by u.email) as members,
      string_agg(u.email::text, '-' order by u.email) as emails,
      array_agg(lower(u.email::text)) as lowered,
      string_agg(analytics.student_key(held.course_id, u.id), '-' order by analytics.student_key(held.course_id, u.id)) as keys,
      jsonb_agg(analytics.student_key(held.course_id, u.id) order by analytics.student_key(held.course_id, u.id)) as key_list
    from finals as f
    cross join lateral unnest(f.member_ids) as m (user_id)
    inner join app.users as u on m.user_id = u.id
    left join app.enrollments as e on e.user_id = u.id and e.course_id = held.course_id
    group by f.backup_id
  ),
  graded as (
    select s.backup_id, jsonb_agg(jsonb_build_object(
        'kind', s.kind, 'score', s.value, 'message', s.message, 'grader', g.email) order by s.kind, s.id) as scores,
      jsonb_agg(jsonb_build_object('kind', s.kind, 'score', s.value) order by s.kind, s.id) as bare_scores
    from app.scores as s
    left join app.users as g on s.grader_id = g.id
    where s.assignment_id = target and not s.archived and s.backup_id in (select f.backup_id from finals as f)
    group by s.backup_id
  ),
  units as (
    select
      case when anonymized then p.keys else p.emails || '/' || app.hashid_encode(f.backup_id) end as folder,
      f.backup_id,
      case when anonymized then jsonb_build_object(
          'students', p.key_list,
          'submission_time', app.course_time_text(f.submission_time, zone),
          'late_by', app.human_interval(f.late_by),
          'is_submission', f.is_submission,
          'scores', coalesce(s.bare_scores, '[]'::jsonb))
        else jsonb_build_object(
          'members', p.members,
          'submitter', (select u.email from app.users as u where u.id = f.submitter_id),
          'backup', app.hashid_encode(f.backup_id),
          'created', app.course_time_text(f.created_at, zone),
          'submission_time', app.course_time_text(f.submission_time, zone),
          'late_by', app.human_interval(f.late_by),
          'is_submission', f.is_submission,
          'flagged', f.flagged,
          'reason', f.reason,
          'scores', coalesce(s.scores, '[]'::jsonb))
      end as info,
      case when anonymized and exists (
          select 1 from app.backup_files(f.backup_id) as file, unnest(p.lowered) as email
          where strpos(lower(file.contents), email) > 0 or strpos(lower(file.filename), email) > 0
        ) then 'a file contains a member''s email (the anonymized export leaves such submissions out)'
      end as skipped
    from finals as f
    inner join people as p on f.backup_id = p.backup_id
    left join graded as s on f.backup_id = s.backup_id
  )
  select jsonb_build_object(
    'root', replace(held.params ->> 'target', '/', '-'),
    'units', coalesce(jsonb_agg(jsonb_build_object(
      'folder', u.folder, 'backup_id', u.backup_id, 'info', u.info, 'skipped', u.skipped) order by u.folder), '[]'::jsonb)
  ) into plan
  from units as u;
  return plan;
end;
$$;

revoke all on function api.job_final_submissions(bigint, text) from public;
grant execute on function api.job_final_submissions(bigint, text) to ok_worker;
comment on function api.job_final_submissions(bigint, text) is
'The folders and info of a final-submissions export job, one per student or group (worker).';
