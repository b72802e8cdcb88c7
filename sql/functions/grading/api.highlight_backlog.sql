-- api.highlight_backlog(highlighter, batch_size, after_task): the next files the worker should
-- highlight, a batch of grading tasks at a time: of the open tasks after the task id
-- after_task (the oldest first, batch_size of them), the files of their backups that have no
-- highlighted lines for this highlighter version yet, each once:
-- {"files": [{"filename", "contents"}], "last_task": the last task looked at, or null when
-- none is left (the worker passes it back as after_task until then)}. Each call reads one
-- batch of tasks, so a pass through a queue of any length costs one look per task.
-- Called by: worker/highlight.py as ok_worker. Security: definer (reads the queued backups'
-- files, which ok_worker cannot); executable by ok_worker only.
-- Raises: PT422 a batch size outside 1..200, or no highlighter version.
-- requires: app.backup_files.sql, app.file_digest.sql
create or replace function api.highlight_backlog(highlighter text, batch_size integer default 20, after_task bigint default 0)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if batch_size is null or batch_size not between 1 and 200 then
    raise sqlstate 'PT422' using message = 'batch_size must be between 1 and 200';
  end if;
  if btrim(coalesce(highlighter, '')) = '' then
    raise sqlstate 'PT422' using message = 'Name the highlighter version';
  end if;
  return (
    with batch as materialized (
      select t.id, t.backup_id
      from app.grading_tasks as t
      where t.score_id is null and t.id > coalesce(highlight_backlog.after_task, 0)
      order by t.id
      limit highlight_backlog.batch_size
    ),
    files as (
      select distinct on (d.digest) f.filename, f.contents, b.id as task_id
      from batch as b
      cross join lateral app.backup_files(b.backup_id) as f
      cross join lateral (select app.file_digest(f.filename, f.contents) as digest) as d
      where not exists (
        select 1 from app.highlighted_files as h
        where h.digest = d.digest and h.highlighter = highlight_backlog.highlighter
      )
      order by d.digest, b.id
    )
    select jsonb_build_object(
      'files', coalesce((
        select jsonb_agg(jsonb_build_object('filename', f.filename, 'contents', f.contents) order by f.task_id, f.filename)
        from files as f
      ), '[]'::jsonb),
      'last_task', (select max(b.id) from batch as b)
    )
  );
end;
$$;

revoke all on function api.highlight_backlog(text, integer, bigint) from public;
grant execute on function api.highlight_backlog(text, integer, bigint) to ok_worker;
comment on function api.highlight_backlog(text, integer, bigint) is
'The next files of queued submissions that the worker has not highlighted yet, a batch of tasks at a time (worker).';
