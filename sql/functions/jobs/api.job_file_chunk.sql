-- api.job_file_chunk(job_id, worker, seq, data): store the next chunk (at most 8 MB) of the
-- result file a job is writing, in order from 0; chunk 0 clears what an earlier attempt
-- wrote. Nobody can download the file until api.job_finish marks the job finished, so a
-- file is seen whole or not at all.
-- Called by: worker/jobs.py as it streams an export, as ok_worker.
-- Security: definer (app.held_job). Raises: PT409 (app.held_job); PT422 a chunk out of
-- order, empty or over 8 MB.
-- requires: app.held_job.sql
create or replace function api.job_file_chunk(job_id bigint, worker text, seq bigint, data bytea)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_file_chunk.job_id, job_file_chunk.worker);
  expected bigint;
begin
  if job_file_chunk.data is null or octet_length(job_file_chunk.data) not between 1 and 8388608 then
    raise sqlstate 'PT422' using message = 'A chunk holds 1 byte to 8 MB';
  end if;
  if job_file_chunk.seq = 0 then
    delete from app.job_files as f where f.job_id = held.id;
  end if;
  select coalesce(max(f.seq) + 1, 0) into expected from app.job_files as f where f.job_id = held.id;
  if job_file_chunk.seq is distinct from expected then
    raise sqlstate 'PT422' using message = format('Expected chunk %s, not %s', expected, job_file_chunk.seq);
  end if;
  insert into app.job_files (job_id, seq, data) values (held.id, job_file_chunk.seq, job_file_chunk.data);
end;
$$;

revoke all on function api.job_file_chunk(bigint, text, bigint, bytea) from public;
grant execute on function api.job_file_chunk(bigint, text, bigint, bytea) to ok_worker;
comment on function api.job_file_chunk(bigint, text, bigint, bytea) is
'Store the next chunk of a job''s result file (worker).';
