-- api.highlight_backlog(highlighter, batch_size): the files the worker should highlight next:
-- files of backups with an open grading task (the oldest tasks first) that have no
-- highlighted lines for this highlighter version yet, each once: [{"filename", "contents"}].
-- Called by: worker/highlight.py as ok_worker. Security: definer (reads the queued backups'
-- files, which ok_worker cannot); executable by ok_worker only.
-- Raises: PT422 a batch size outside 1..200, or no highlighter version.
-- requires: app.backup_files.sql, app.file_digest.sql
create or replace function api.highlight_backlog(highlighter text, batch_size integer default 20)
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
    with queued as (
      select distinct on (app.file_digest(f.filename, f.contents)) f.filename, f.contents, t.id as task_id
      from app.grading_tasks as t
      cross join lateral app.backup_files(t.backup_id) as f
      where t.score_id is null
        and not exists (
          select 1 from app.highlighted_files as h
          where h.digest = app.file_digest(f.filename, f.contents) and h.highlighter = highlight_backlog.highlighter
        )
      order by app.file_digest(f.filename, f.contents), t.id
    )
    select coalesce(jsonb_agg(jsonb_build_object('filename', q.filename, 'contents', q.contents) order by q.task_id), '[]')
    from (select q.* from queued as q order by q.task_id limit highlight_backlog.batch_size) as q
  );
end;
$$;

revoke all on function api.highlight_backlog(text, integer) from public;
grant execute on function api.highlight_backlog(text, integer) to ok_worker;
comment on function api.highlight_backlog(text, integer) is
'Files of queued submissions that the worker has not highlighted yet (worker).';
