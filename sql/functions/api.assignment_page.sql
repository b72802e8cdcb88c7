-- api.assignment_page(name): what a student's assignment page shows: the assignment, the
-- caller's group, and the backups and submissions of the caller's group (newest first, 200
-- at most), with the key of the group's final submission. Null when the caller may not see
-- the assignment (the page answers 404).
-- Called by: GET /<assignment>/. Security: definer as ok_api (the caller's RLS applies) (RLS decides every row).
-- requires: app.v3_time.sql, app.final_submission_id.sql, app.group_member_ids.sql
create or replace function api.assignment_page(name text)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select jsonb_build_object(
    'name', a.name, 'display_name', a.display_name,
    'due_at', a.due_at, 'lock_at', a.lock_at, 'active', now() <= a.lock_at,
    'max_group_size', a.max_group_size, 'course', jsonb_build_object('offering', c.offering,
      'display_name', c.display_name, 'timezone', c.timezone),
    'final_key', app.hashid_encode(app.final_submission_id(a.id, auth.user_id())),
    'group', (
      select coalesce(jsonb_agg(u.email order by u.email), '[]'::jsonb)
      from app.users as u where u.id = any(app.group_member_ids(a.id, auth.user_id()))
    ),
    'backups', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'key', app.hashid_encode(b.id), 'submit', b.submit, 'flagged', b.flagged,
        'created_at', b.created_at, 'submitter', u.email, 'late', b.created_at > a.due_at
      ) order by b.created_at desc, b.id desc), '[]'::jsonb)
      from (
        select * from app.backups as b
        where b.assignment_id = a.id and b.submitter_id = any(app.group_member_ids(a.id, auth.user_id()))
        order by b.created_at desc, b.id desc
        limit 200
      ) as b
      left join app.users as u on b.submitter_id = u.id
    )
  )
  from app.assignments as a
  inner join app.courses as c on a.course_id = c.id
  where a.name = assignment_page.name
$$;

revoke all on function api.assignment_page(text) from public;
alter function api.assignment_page(text) owner to ok_api;
grant execute on function api.assignment_page(text) to ok_user;
comment on function api.assignment_page(text) is 'A student''s view of an assignment and their group''s backups.';
