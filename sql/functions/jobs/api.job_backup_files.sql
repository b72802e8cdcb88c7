-- api.job_backup_files(job_id, worker, backup_ids): the files of some backups of an export
-- job's assignment, a batch at a time (at most 500): [{"backup_id", "files": {name: text}}]
-- (app.backup_files: the text files of the backup, as the code view shows them). Backups of
-- other assignments are left out, so a worker cannot read past its job.
-- Called by: worker/jobs.py after api.job_final_submissions, as ok_worker.
-- Security: definer (app.held_job; app.require_staff under the creator's claims).
-- Raises: PT409 (app.held_job); PT401, PT403, PT404 (app.require_staff); PT422 a job of
-- another kind, more than 500 backups.
-- requires: app.held_job.sql, app.require_staff.sql, app.backup_files.sql
create or replace function api.job_backup_files(job_id bigint, worker text, backup_ids bigint[])
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_backup_files.job_id, job_backup_files.worker);
begin
  if held.name <> 'export_final_submissions' then
    raise sqlstate 'PT422' using message = format('Job %s is not a final-submissions export', held.id);
  end if;
  if cardinality(job_backup_files.backup_ids) > 500 then
    raise sqlstate 'PT422' using message = 'At most 500 backups at once';
  end if;
  perform app.require_staff(held.params ->> 'target', 'assignment');
  return coalesce((
    select jsonb_agg(jsonb_build_object('backup_id', b.id, 'files', (
        select coalesce(jsonb_object_agg(f.filename, f.contents), '{}'::jsonb) from app.backup_files(b.id) as f
      )) order by b.id)
    from app.backups as b
    where b.id = any(job_backup_files.backup_ids) and b.assignment_id = (held.params ->> 'assignment_id')::bigint
  ), '[]'::jsonb);
end;
$$;

revoke all on function api.job_backup_files(bigint, text, bigint[]) from public;
grant execute on function api.job_backup_files(bigint, text, bigint[]) to ok_worker;
comment on function api.job_backup_files(bigint, text, bigint[]) is
'The files of a batch of backups of a final-submissions export job (worker).';
