-- api.backup_page(name, key, compare): one backup for its page: the /api/v3 backup shape plus
-- its files (name -> text, app.backup_files), its line comments (author, Markdown source),
-- created_at (the exact instant the backup was made: the v3 'created' is naive UTC text),
-- assignment_display_name, timezone (its course's IANA zone, in which the page shows it), and, as the grading view
-- has them for staff:
--   "scores": the backup's active scores the caller may see (a student: published kinds
--             only, by row-level security) [{"kind", "score", "message", "items"}], items
--             being the rubric items applied [{"description", "points", "note"}] or null;
--   "older_key", "newer_key": the neighbours among the unit's backups (the submitter's
--             current group: app.group_member_ids);
--   "previous_submission_key": the unit's newest submission made before this backup;
--   "compare": {"label", "key", "files"} to diff against: the assignment's template files
--             ('template'), the previous submission ('previous'), or another backup of the
--             unit by its key; null when compare is null or names nothing the caller sees.
-- Null when the key is malformed, belongs to another assignment, or the caller may not see
-- the backup (the page answers 404 in every case, so a stranger learns nothing). Owners,
-- their group and the course's staff see it (RLS).
-- Called by: GET /<assignment>/backups/<key>/ and /<assignment>/submissions/<key>/.
-- Security: definer as ok_api (the caller's RLS applies).
-- requires: v3.backups_json.sql, app.hashid_decode.sql, app.hashid_encode.sql, app.backup_files.sql
-- requires: app.group_member_ids.sql
create or replace function api.backup_page(name text, key text, compare text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  shown_id bigint := app.hashid_decode(backup_page.key);
  shown jsonb := v3.backups_json(array[shown_id]) -> 0;
  this_backup app.backups;
  member_ids bigint[];
  previous_submission bigint;
  compared_id bigint;
begin
  if shown is null or shown -> 'assignment' ->> 'name' is distinct from backup_page.name then
    return null;
  end if;
  select b.* into this_backup from app.backups as b where b.id = shown_id;
  member_ids := app.group_member_ids(this_backup.assignment_id, this_backup.submitter_id);
  -- the unit's backups, as the caller may see them (row-level security)
  select b.id into previous_submission
  from app.backups as b
  where b.assignment_id = this_backup.assignment_id and b.submitter_id = any(member_ids) and b.submit
    and (b.created_at, b.id) < (this_backup.created_at, this_backup.id)
  order by b.created_at desc, b.id desc limit 1;
  compared_id := case
    when backup_page.compare = 'previous' then previous_submission
    when backup_page.compare is not null and backup_page.compare <> 'template' then (
      select b.id from app.backups as b
      where b.id = app.hashid_decode(backup_page.compare) and b.assignment_id = this_backup.assignment_id
        and b.submitter_id = any(member_ids)
    )
  end;
  return shown || jsonb_build_object(
    -- The files, by name (app.backup_files: which messages are files, said once).
    'files', (
      select coalesce(jsonb_object_agg(f.filename, f.contents order by f.filename), '{}'::jsonb)
      from app.backup_files(shown_id) as f
    ),
    'created_at', this_backup.created_at,
    -- the assignment's display name, for the breadcrumbs and heading (the v3 shape has none)
    'assignment_display_name', (select a.display_name from app.assignments as a where a.id = this_backup.assignment_id),
    'timezone', shown -> 'assignment' -> 'course' ->> 'timezone',
    'comments', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'filename', cm.filename, 'line', cm.line, 'message', cm.message, 'author', u.email, 'created_at', cm.created_at
      ) order by cm.filename, cm.line, cm.id), '[]'::jsonb)
      from app.comments as cm
      left join app.users as u on cm.author_id = u.id
      where cm.backup_id = shown_id
    ),
    'scores', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'kind', s.kind, 'score', s.value, 'message', s.message,
        'items', (
          select jsonb_agg(jsonb_build_object('description', i.description, 'points', i.points, 'note', a.note)
                           order by i.position, i.id)
          from app.score_rubric_items as a inner join app.rubric_items as i on a.item_id = i.id
          where a.score_id = s.id
        )
      ) order by s.kind), '[]'::jsonb)
      from app.scores as s
      where s.backup_id = shown_id and not s.archived
    ),
    'older_key', (
      select app.hashid_encode(b.id) from app.backups as b
      where b.assignment_id = this_backup.assignment_id and b.submitter_id = any(member_ids)
        and (b.created_at, b.id) < (this_backup.created_at, this_backup.id)
      order by b.created_at desc, b.id desc limit 1
    ),
    'newer_key', (
      select app.hashid_encode(b.id) from app.backups as b
      where b.assignment_id = this_backup.assignment_id and b.submitter_id = any(member_ids)
        and (b.created_at, b.id) > (this_backup.created_at, this_backup.id)
      order by b.created_at, b.id limit 1
    ),
    'previous_submission_key', app.hashid_encode(previous_submission),
    'compare', case
      when backup_page.compare = 'template' then (
        select jsonb_build_object('label', 'the template', 'key', null, 'files', a.template_files)
        from app.assignments as a where a.id = this_backup.assignment_id
      )
      when compared_id is not null then jsonb_build_object(
        'label', case when backup_page.compare = 'previous' then 'the previous submission' else 'an earlier backup' end,
        'key', app.hashid_encode(compared_id),
        'files', (
          select coalesce(jsonb_object_agg(f.filename, f.contents), '{}'::jsonb)
          from app.backup_files(compared_id) as f
        )
      )
    end
  );
end;
$$;

revoke all on function api.backup_page(text, text, text) from public;
alter function api.backup_page(text, text, text) owner to ok_api;
grant execute on function api.backup_page(text, text, text) to ok_user;
comment on function api.backup_page(text, text, text) is
'A backup with its comments, visible scores, neighbours and a comparison, for its page (owners, group, staff).';
