-- api.job_download_chunk(job_id, seq): the bytes of one chunk (from 0) of a finished job's
-- result file, after the same checks as api.job_download. The web streams a file as one
-- short request per chunk, so no web process holds a whole file and any of them can serve
-- a file any worker wrote.
-- Called by: GET /staff/jobs/<id>/download. Security: definer as ok_api (the caller's RLS:
-- the job_files policy shows a file to whoever may see its job).
-- Raises: as api.job_download; PT404 no such chunk.
-- requires: api.job_download.sql
create or replace function api.job_download_chunk(job_id bigint, seq bigint)
returns bytea
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  chunk bytea;
begin
  perform api.job_download(job_download_chunk.job_id);
  select f.data into chunk from app.job_files as f where f.job_id = job_download_chunk.job_id and f.seq = job_download_chunk.seq;
  if chunk is null then
    raise sqlstate 'PT404' using message = format('Job %s has no chunk %s', job_download_chunk.job_id, job_download_chunk.seq);
  end if;
  return chunk;
end;
$$;

revoke all on function api.job_download_chunk(bigint, bigint) from public;
alter function api.job_download_chunk(bigint, bigint) owner to ok_api;
grant execute on function api.job_download_chunk(bigint, bigint) to ok_user;
comment on function api.job_download_chunk(bigint, bigint) is
'One chunk of a finished job''s result file (its creator, the course''s staff).';
