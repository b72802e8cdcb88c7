-- api.assignment_page(name): everything a student's assignment page shows, in one call:
--   the assignment (its own due and lock dates) and course (with its time zone);
--   my_due, my_lock, extension: the caller's effective dates and the extension behind them
--     (app.unit_dates for the caller's current group: what staff see in api.deadlines);
--   final: the caller's unit's row of app.unit_finals (key, whether it is a submission,
--     lateness and the reason it counts: what staff see in api.final_submissions);
--   group, the group's backups (newest first, 200 at most) with lateness by the same rule
--     (app.submission_time, app.late_by), the group's published scores (api.my_scores) and
--     its regrade requests with their outcomes (app.regrades_json);
--   group_state: the caller's membership, an invitation to them (from whom, into which group),
--     the invitations out from their group, and whether it is full (app.my_group_state), so
--     that the page offers only the group controls that can succeed;
--   extension_requests: the caller's requests for it (api.extension_requests: state, the
--     staff's reply, the extension granted), and has_pending_request.
-- Null when the caller may not see the assignment (the page answers 404).
-- Called by: GET /<assignment>/. Security: definer as ok_api (the caller's RLS applies: a
-- hidden assignment or another student's backup is simply absent).
-- requires: v3.time.sql, app.unit_finals.sql, app.group_member_ids.sql, app.unit_dates.sql
-- requires: app.submission_time.sql, app.late_by.sql, app.human_interval.sql, api.my_scores.sql
-- requires: app.regrades_json.sql, app.my_group_state.sql, api.extension_requests.sql
create or replace function api.assignment_page(name text)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  -- The assignment and the caller's unit first (materialized: what follows reads them as
  -- constants, so the backups and users are reached by index, not scanned per row).
  with target as materialized (
    select a.*, c.offering, c.display_name as course_name, c.timezone
    from app.assignments as a
    inner join app.courses as c on a.course_id = c.id
    where a.name = assignment_page.name
  ),
  mine as materialized (
    select app.group_member_ids(t.id, auth.user_id()) as member_ids from target as t
  ),
  dates as materialized (
    select d.* from target as t cross join mine as m cross join lateral app.unit_dates(t.id, m.member_ids) as d
  )
  select jsonb_build_object(
    'name', t.name, 'display_name', t.display_name,
    'due_at', t.due_at, 'lock_at', t.lock_at, 'active', now() <= t.lock_at,
    'my_due', d.due_at, 'my_lock', d.lock_at, 'open_for_me', now() <= d.lock_at,
    'extension', case when d.extension_expires is not null then
      jsonb_build_object('until', d.extension_expires, 'reason', d.extension_reason,
                         'custom_submission_time', d.extension_custom_time) end,
    'max_group_size', t.max_group_size, 'uploads_enabled', t.uploads_enabled, 'upload_info', t.upload_info,
    'url', t.url, 'course', jsonb_build_object('offering', t.offering,
      'display_name', t.course_name, 'timezone', t.timezone),
    'final', (
      select jsonb_build_object(
        'key', app.hashid_encode(f.backup_id), 'is_submission', f.is_submission, 'flagged', f.flagged,
        'submission_time', f.submission_time, 'late_by', app.human_interval(f.late_by), 'reason', f.reason
      )
      from app.unit_finals((select t2.id from target as t2), auth.user_id()) as f
      where auth.user_id() = any(f.member_ids) and f.backup_id is not null
    ),
    'group', (
      select coalesce(jsonb_agg(u.email order by u.email), '[]'::jsonb)
      from mine as m inner join app.users as u on u.id = any(m.member_ids)
    ),
    'backups', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'key', app.hashid_encode(b.id), 'submit', b.submit, 'flagged', b.flagged,
        'created_at', b.created_at,
        'submitter', (select u.email from app.users as u where u.id = b.submitter_id),
        -- staff who uploaded it on the student's behalf (null: the student's client)
        'uploaded_by', case when b.creator_id is not null then coalesce(
          (select u.email from app.users as u where u.id = b.creator_id), 'the course staff'
        ) end,
        'late', app.late_by(
          app.submission_time(b.created_at, b.custom_submission_time, d.extension_custom_time, d.extension_expires),
          d.due_at
        ) is not null
      ) order by b.created_at desc, b.id desc), '[]'::jsonb)
      from (
        select b.*
        from target as t2
        cross join mine as m
        inner join app.backups as b on b.assignment_id = t2.id and b.submitter_id = any(m.member_ids)
        order by b.created_at desc, b.id desc
        limit 200
      ) as b
    ),
    'scores', (
      select coalesce(jsonb_agg(to_jsonb(s) order by s.kind), '[]'::jsonb) from api.my_scores(t.name) as s
    ),
    -- their group's regrade requests (row-level security: the backups they may see)
    'regrades', app.regrades_json(t.id),
    'group_state', app.my_group_state(t.id),
    'extension_requests', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'status', r.status, 'reason', r.reason, 'reply', r.reply, 'created_at', r.created_at,
        'decided_at', r.decided_at, 'extended_until', r.extended_until
      ) order by r.created_at desc), '[]'::jsonb)
      from api.extension_requests as r
      where r.assignment = t.name and r.email = (select u.email from app.users as u where u.id = auth.user_id())
    ),
    'has_pending_request', exists (
      select 1 from app.extension_requests as r
      where r.assignment_id = t.id and r.user_id = auth.user_id() and r.status = 'pending'
    )
  )
  from target as t
  cross join dates as d
$$;

revoke all on function api.assignment_page(text) from public;
alter function api.assignment_page(text) owner to ok_api;
grant execute on function api.assignment_page(text) to ok_user;
comment on function api.assignment_page(text) is
'A student''s view of an assignment: their effective dates, final submission, group, backups and scores.';
