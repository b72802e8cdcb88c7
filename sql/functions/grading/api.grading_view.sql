-- api.grading_view(name, key, compare, highlighter): everything the grading view of a
-- backup shows, in one call, for staff of the assignment's course:
--   {"name", "display_name", "offering", "timezone",
--    "backup": {"key", "submitter", "uploaded_by" (staff who uploaded it for the student, or
--               null), "created_at", "submit", "flagged", "late_by", "counts",
--               "files": {name: text}},
--    "members": [emails of the unit: the submitter's current group, or the submitter alone:
--                app.group_member_ids],
--    "due_at", "lock_at": the unit's effective dates (app.unit_dates),
--    "final_key": the unit's backup that counts (app.unit_finals), or null,
--    "timeline": [{"key", "created_at", "submit", "flagged", "late", "counts", "submitter",
--                  "uploaded_by"}]
--                the unit's backups, newest first (200 at most), lateness by the same rule as
--                every page (app.submission_time, app.late_by),
--    "newer_key", "older_key": the neighbours of this backup among the unit's backups,
--    "previous_submission_key": the unit's newest submission made before this backup,
--    "highlighted": {filename: [HTML lines]} the files the worker already highlighted with
--                   this highlighter version (app.highlighted_files), to show as they are,
--    "compare": {"label", "key", "files"} the files to diff against: the assignment's
--               template files ('template'), the previous submission ('previous'), or any
--               backup of the assignment by its key; null when compare is null or names
--               nothing,
--    "comments": [app.comment_json, ...] in file and line order,
--    "bank": the assignment's saved comments with their uses (api.comment_bank),
--    "scores": [{"kind", "score", "message", "grader", "created_at"}] active, by kind,
--    "kinds": the kinds the score form offers (app.score_kinds),
--    "rubrics": the assignment's rubrics, with the items this backup's scores applied
--               (app.rubrics_json),
--    "regrades": the regrade requests on this backup, open first (app.regrades_json),
--    "task": the backup's grading task {"id", "grader", "kind", "done", "mine"}, or null,
--    "next_key": the caller's next open task other than this backup, or null,
--    "can_reassign": auth.is_ta_of, "graders": the course's readers, TAs and instructors}
-- Called by: GET /staff/<assignment>/grade/<key>/. Security: definer (ok_owner):
-- app.require_staff_backup refuses anyone but the course's staff (with a reason) first; then
-- it reads the unit's backups, scores, comments and users as the course's staff may, without
-- row-level security's per-statement checks (app.users' policy enumerates every user the
-- caller may see, once per sub-select: seven of them cost 80 ms at 2,000 students).
-- Raises: PT401, PT403, PT404 (app.require_staff_backup: not staff, no such backup of the
-- assignment).
-- requires: auth.staff_roles.sql
-- requires: app.require_staff_backup.sql, app.hashid_decode.sql, app.hashid_encode.sql, app.backup_files.sql
-- requires: app.unit_dates.sql, app.unit_finals.sql, app.submission_time.sql, app.late_by.sql
-- requires: app.human_interval.sql, app.comment_json.sql, auth.is_ta_of.sql, app.group_member_ids.sql
-- requires: app.file_digest.sql
-- requires: api.comment_bank.sql, app.score_kinds.sql, app.rubrics_json.sql, app.regrades_json.sql
create or replace function api.grading_view(name text, key text, compare text default null, highlighter text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  shown app.backups := app.require_staff_backup(grading_view.name, grading_view.key);
  target app.assignments;
  member_ids bigint[];
  dates record;
  final_id bigint;
  compared_id bigint;
  previous_submission bigint;
begin
  select a.* into target from app.assignments as a where a.id = shown.assignment_id;
  member_ids := app.group_member_ids(target.id, shown.submitter_id);
  select d.* into dates from app.unit_dates(target.id, member_ids) as d;
  select f.backup_id into final_id
  from app.unit_finals(target.id, shown.submitter_id) as f
  where shown.submitter_id = any(f.member_ids);
  -- the unit's newest submission made before this backup: linked, and a choice to diff against
  select b.id into previous_submission
  from app.backups as b
  where b.assignment_id = target.id and b.submitter_id = any(member_ids) and b.submit
    and (b.created_at, b.id) < (shown.created_at, shown.id)
  order by b.created_at desc, b.id desc limit 1;
  compared_id := case
    when grading_view.compare = 'previous' then previous_submission
    when grading_view.compare is not null and grading_view.compare <> 'template' then (
      select b.id from app.backups as b
      where b.id = app.hashid_decode(grading_view.compare) and b.assignment_id = target.id
    )
  end;

  return (
    with timeline as materialized (
      select
        b.id, b.created_at, b.submit, b.flagged, b.submitter_id, b.creator_id,
        app.late_by(
          app.submission_time(b.created_at, b.custom_submission_time, dates.extension_custom_time, dates.extension_expires),
          dates.due_at
        ) as late_by
      from app.backups as b
      where b.assignment_id = target.id and b.submitter_id = any(member_ids)
      order by b.created_at desc, b.id desc
      limit 200
    )
    select jsonb_build_object(
      'name', target.name,
      'display_name', target.display_name,
      'offering', c.offering,
      'timezone', c.timezone,
      'backup', jsonb_build_object(
        'key', app.hashid_encode(shown.id),
        'submitter', (select u.email from app.users as u where u.id = shown.submitter_id),
        'uploaded_by', (select u.email from app.users as u where u.id = shown.creator_id),
        'created_at', shown.created_at, 'submit', shown.submit, 'flagged', shown.flagged,
        'late_by', app.human_interval(app.late_by(
          app.submission_time(shown.created_at, shown.custom_submission_time, dates.extension_custom_time, dates.extension_expires),
          dates.due_at
        )),
        'counts', shown.id = final_id,
        'files', (
          select coalesce(jsonb_object_agg(f.filename, f.contents), '{}'::jsonb)
          from app.backup_files(shown.id) as f
        )
      ),
      'members', (
        select coalesce(jsonb_agg(u.email order by u.email), '[]'::jsonb) from app.users as u where u.id = any(member_ids)
      ),
      'due_at', dates.due_at,
      'lock_at', dates.lock_at,
      'final_key', app.hashid_encode(final_id),
      'timeline', (
        select coalesce(jsonb_agg(jsonb_build_object(
          'key', app.hashid_encode(t.id), 'created_at', t.created_at, 'submit', t.submit, 'flagged', t.flagged,
          'late', t.late_by is not null, 'counts', t.id = final_id,
          'submitter', (select u.email from app.users as u where u.id = t.submitter_id),
          'uploaded_by', (select u.email from app.users as u where u.id = t.creator_id)
        ) order by t.created_at desc, t.id desc), '[]'::jsonb)
        from timeline as t
      ),
      -- the neighbours among all the unit's backups (the timeline above shows 200 at most)
      'newer_key', (
        select app.hashid_encode(b.id) from app.backups as b
        where b.assignment_id = target.id and b.submitter_id = any(member_ids)
          and (b.created_at, b.id) > (shown.created_at, shown.id)
        order by b.created_at, b.id limit 1
      ),
      'older_key', (
        select app.hashid_encode(b.id) from app.backups as b
        where b.assignment_id = target.id and b.submitter_id = any(member_ids)
          and (b.created_at, b.id) < (shown.created_at, shown.id)
        order by b.created_at desc, b.id desc limit 1
      ),
      'previous_submission_key', app.hashid_encode(previous_submission),
      -- the worker's highlighting of the backup's files, for this highlighter version
      'highlighted', (
        select coalesce(jsonb_object_agg(f.filename, to_jsonb(h.lines)), '{}'::jsonb)
        from app.backup_files(shown.id) as f
        inner join app.highlighted_files as h
          on h.digest = app.file_digest(f.filename, f.contents) and h.highlighter = grading_view.highlighter
      ),
      'compare', case
        when grading_view.compare = 'template' then jsonb_build_object(
          'label', 'the template', 'key', null, 'files', target.template_files
        )
        when compared_id is not null then jsonb_build_object(
          'label', case when grading_view.compare = 'previous' then 'the previous submission' else 'an earlier backup' end,
          'key', app.hashid_encode(compared_id),
          'files', (
            select coalesce(jsonb_object_agg(f.filename, f.contents), '{}'::jsonb)
            from app.backup_files(compared_id) as f
          )
        )
      end,
      'comments', (
        select coalesce(jsonb_agg(app.comment_json(cm.id) order by cm.filename, cm.line, cm.id), '[]'::jsonb)
        from app.comments as cm where cm.backup_id = shown.id
      ),
      'bank', api.comment_bank(target.name),
      'scores', (
        select coalesce(jsonb_agg(jsonb_build_object(
          'kind', s.kind, 'score', s.value, 'message', s.message, 'created_at', s.created_at,
          'grader', (select u.email from app.users as u where u.id = s.grader_id)
        ) order by s.kind), '[]'::jsonb)
        from app.scores as s where s.backup_id = shown.id and not s.archived
      ),
      'kinds', to_jsonb(app.score_kinds(target.id)),
      'rubrics', app.rubrics_json(target.id, shown.id),
      'regrades', app.regrades_json(target.id, shown.id),
      'task', (
        select jsonb_build_object(
          'id', t.id, 'kind', t.kind, 'done', t.score_id is not null, 'mine', t.grader_id = auth.user_id(),
          'grader', (select u.email from app.users as u where u.id = t.grader_id)
        )
        from app.grading_tasks as t where t.backup_id = shown.id
        order by t.score_id is null desc, t.id limit 1
      ),
      'next_key', (
        select app.hashid_encode(t.backup_id) from app.grading_tasks as t
        where t.assignment_id = target.id and t.grader_id = auth.user_id() and t.score_id is null
          and t.backup_id <> shown.id
        order by t.id limit 1
      ),
      'can_reassign', auth.is_ta_of(target.course_id),
      'graders', (
        select coalesce(jsonb_agg(u.email order by u.email), '[]'::jsonb)
        from app.enrollments as e inner join app.users as u on e.user_id = u.id
        where e.course_id = target.course_id and e.role::text = any(auth.staff_roles())
      )
    )
    from app.courses as c
    where c.id = target.course_id
  );
end;
$$;

revoke all on function api.grading_view(text, text, text, text) from public;
grant execute on function api.grading_view(text, text, text, text) to ok_user;
comment on function api.grading_view(text, text, text, text) is
'The grading view of a backup (staff): files, unit timeline, comparison, comments, scores, task.';
