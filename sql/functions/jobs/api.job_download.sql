-- api.job_download(job_id): a finished job's result file, described: {file_name, file_type,
-- file_bytes, chunks}, when the caller may have it, said once: the job is finished with a
-- file that has not expired (files are kept 7 days); api.job_download_chunk then serves
-- its bytes a chunk at a time.
-- Called by: GET /staff/jobs/<id>/download. Security: definer as ok_api: the job and its
-- file must be visible under the caller's RLS, and the caller must be staff of its course
-- now (or a site admin): a TA who lost the role cannot fetch the export they started.
-- Raises: PT401; PT404 no such job; PT409 not finished, or no file;
-- PT410 the file has expired.
-- requires: app.require_login.sql, auth.is_staff_of.sql
create or replace function api.job_download(job_id bigint)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  job app.jobs;
begin
  perform app.require_login();
  select j.* into job from app.jobs as j where j.id = job_download.job_id;
  if job.id is null or not (auth.is_admin() or (job.course_id is not null and auth.is_staff_of(job.course_id))) then
    raise sqlstate 'PT404' using message = format('No job %s', job_download.job_id);
  end if;
  if job.status <> 'finished' or job.file_bytes is null then
    raise sqlstate 'PT409' using message = format('Job %s has no file to download (yet)', job.id);
  end if;
  if job.file_expires_at <= now() then
    raise sqlstate 'PT410' using message = format(
      'The file of job %s has expired (files are kept 7 days): run the job again', job.id);
  end if;
  return jsonb_build_object('file_name', job.file_name, 'file_type', job.file_type, 'file_bytes', job.file_bytes,
    'chunks', (select count(*) from app.job_files as f where f.job_id = job.id));
end;
$$;

revoke all on function api.job_download(bigint) from public;
alter function api.job_download(bigint) owner to ok_api;
grant execute on function api.job_download(bigint) to ok_user;
comment on function api.job_download(bigint) is
'A finished job''s result file, described (its creator, the course''s staff).';
