-- api.update_assignment(name, ...): change an assignment's settings; a null argument keeps
-- the setting. Dates without an offset are read in the course's time zone
-- (app.parse_course_time), and a date typed as the stored one to the minute keeps its
-- seconds; '' clears url, upload_info and autograder_key; reminder_hours (1..336, 0 for
-- none) asks the deadline_reminders job to remind students with work not submitted. A group size below
-- the size of a group that exists (invitations included, as app.group_add_member counts) is
-- refused, naming the number of such groups; the assignment's lock serialises this with
-- invitations. Answers the assignment as api.assignment_settings_page shows it.
-- Called by: POST /staff/<assignment>/settings (the assignment settings page).
-- Security: definer (app.assignment_for_change locks the assignment and says the caller's
-- standing); TAs, instructors and admins (readers and lab assistants do not set up
-- assignments). The update runs as ok_api under the caller's RLS (assignments_write).
-- Raises: PT401, PT404 (app.assignment_for_change); PT403 not a TA or instructor; PT422 empty
-- name, bad dates, lock before due, group size below 1, a reminder outside 0..336 hours;
-- PT409 groups larger than the size.
-- requires: app.assignment_for_change.sql, app.parse_course_time.sql
create or replace function api.update_assignment(
  name text,
  display_name text default null,
  due text default null,
  lock text default null,
  max_group_size integer default null,
  revisions_allowed boolean default null,
  visible boolean default null,
  uploads_enabled boolean default null,
  upload_info text default null,
  url text default null,
  autograder_key text default null,
  continuous_autograding boolean default null,
  reminder_hours bigint default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(update_assignment.name);
  zone text;
  new_due timestamptz;
  new_lock timestamptz;
  too_big bigint;
  saved app.assignments;
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can change an assignment''s settings';
  end if;
  if update_assignment.display_name is not null and btrim(update_assignment.display_name) = '' then
    raise sqlstate 'PT422' using message = 'A display name is required';
  end if;
  select c.timezone into zone from app.courses as c where c.id = target.course_id;
  new_due := case when coalesce(btrim(due), '') = '' then target.due_at else app.parse_course_time(due, zone) end;
  new_lock := case when coalesce(btrim(lock), '') = '' then target.lock_at else app.parse_course_time(lock, zone) end;
  -- The page's date inputs show minutes: a date saved back unchanged keeps its seconds
  -- (a due date of 23:59:59 stays 23:59:59 when only the group size was changed).
  if new_due = date_trunc('minute', target.due_at) then
    new_due := target.due_at;
  end if;
  if new_lock = date_trunc('minute', target.lock_at) then
    new_lock := target.lock_at;
  end if;
  if new_lock < new_due then
    raise sqlstate 'PT422' using message = 'The lock date must not be before the due date';
  end if;
  if update_assignment.reminder_hours is not null and update_assignment.reminder_hours not between 0 and 336 then
    raise sqlstate 'PT422' using message = 'A reminder is sent 1 to 336 hours (two weeks) before the due date, or 0 for none';
  end if;
  if update_assignment.max_group_size is not null then
    if update_assignment.max_group_size < 1 then
      raise sqlstate 'PT422' using message = 'The group size must be at least 1';
    end if;
    -- counted as app.group_add_member counts a group: its members, invitations included
    select count(*) into too_big
    from (
      select m.group_id from app.group_members as m
      where m.assignment_id = target.assignment_id
      group by m.group_id
      having count(*) > update_assignment.max_group_size
    ) as big;
    if too_big > 0 then
      raise sqlstate 'PT409' using message = format(
        '%s group(s) have more than %s members: shrink them before lowering the group size',
        too_big, update_assignment.max_group_size);
    end if;
  end if;
  update app.assignments as a
  set display_name = coalesce(btrim(update_assignment.display_name), a.display_name),
      due_at = new_due,
      lock_at = new_lock,
      max_group_size = coalesce(update_assignment.max_group_size, a.max_group_size),
      revisions_allowed = coalesce(update_assignment.revisions_allowed, a.revisions_allowed),
      visible = coalesce(update_assignment.visible, a.visible),
      uploads_enabled = coalesce(update_assignment.uploads_enabled, a.uploads_enabled),
      upload_info = case when update_assignment.upload_info is null then a.upload_info
        else nullif(btrim(update_assignment.upload_info), '') end,
      url = case when update_assignment.url is null then a.url else nullif(btrim(update_assignment.url), '') end,
      autograder_key = case when update_assignment.autograder_key is null then a.autograder_key
        else nullif(btrim(update_assignment.autograder_key), '') end,
      continuous_autograding = coalesce(update_assignment.continuous_autograding, a.continuous_autograding),
      -- 0 turns the reminder off; a changed reminder, or a moved due date, may be sent again
      reminder_hours = case when update_assignment.reminder_hours is null then a.reminder_hours
        else nullif(update_assignment.reminder_hours, 0) end,
      reminder_sent_at = case when (update_assignment.reminder_hours is null
        or update_assignment.reminder_hours is not distinct from a.reminder_hours) and new_due = a.due_at
        then a.reminder_sent_at end
  where a.id = target.assignment_id
  returning a.* into saved;
  return jsonb_build_object(
    'name', saved.name, 'display_name', saved.display_name, 'due_at', saved.due_at, 'lock_at', saved.lock_at,
    'max_group_size', saved.max_group_size, 'visible', saved.visible, 'uploads_enabled', saved.uploads_enabled
  );
end;
$$;

revoke all on function api.update_assignment(
  text, text, text, text, integer, boolean, boolean, boolean, text, text, text, boolean, bigint
) from public;
alter function api.update_assignment(
  text, text, text, text, integer, boolean, boolean, boolean, text, text, text, boolean, bigint
) owner to ok_api;
grant execute on function api.update_assignment(
  text, text, text, text, integer, boolean, boolean, boolean, text, text, text, boolean, bigint
) to ok_user;
comment on function api.update_assignment(
  text, text, text, text, integer, boolean, boolean, boolean, text, text, text, boolean, bigint
) is 'Change an assignment''s settings: name, dates, group size, visibility, uploads, autograder (TAs, instructors).';
