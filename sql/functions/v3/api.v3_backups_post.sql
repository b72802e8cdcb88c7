-- api.v3_backups_post(assignment, messages, submit): POST /api/v3/backups/, the hot path.
-- ok-client sends {"assignment", "messages", "submit"} with ?client_name=&client_version=
-- (passed on as x-ok-client-name / x-ok-client-version headers).
-- Rules (okpy-feature-reference §1.3, bugs fixed):
--   * an unknown assignment: 403 'Assignment does not exist', nothing stored;
--   * otherwise the backup is always stored, with every message kind as sent (any JSON);
--   * submit counts only before the lock date, or while an extension covers the student's
--     group (app.submission_open); dates are read now, from the table (no cache);
--   * a submit after the lock without an extension: 403 'Late Submission of <name>' with
--     data.data.late = true, and the backup kept as a plain backup (not rolled back);
--   * students who are not enrolled are stored too (staff see them as unenrolled);
--   * the time the upload waited since the front door received it (X-Request-Start,
--     app.queued_ms) is kept with the backup, for the live deadline board.
-- Limits (here, so that PostgREST is held to them as much as the Flask shim):
--   * each user's allowance of backups (app.take_intake_allowance: a burst of 120, then one a
--     second): beyond it 429 'Too many backups...' with Retry-After, nothing stored (ok-client
--     keeps the message and sends it on its next run);
--   * at most okv3.backup_max_message_kinds message kinds (a PostgreSQL setting, default 50:
--     `alter database ok set okv3.backup_max_message_kinds = 100`), else 400;
--   * nothing nested 64 or more levels below messages, else 400 (deep JSON breaks recursive
--     readers; the shim also refuses bodies deeper than OK_MAX_JSON_DEPTH before parsing);
--   * the body size is bounded before this runs (OK_MAX_BODY_BYTES in the app, nginx's
--     client_max_body_size in front of PostgREST).
-- Reply data: {email, key, course {id, offering, display_name, active, timezone}, assignment}.
-- Security: definer as ok_api (the caller's RLS applies) (RLS: a user inserts only backups in their own name).
-- Errors: none raised; answers 400 (malformed body), 401 (no token), 403 (above) as envelopes.
-- requires: v3.auth_error.sql, app.submission_open.sql, app.take_intake_allowance.sql, app.queued_ms.sql
create or replace function api.v3_backups_post(
  assignment text default null,
  messages jsonb default null,
  submit boolean default false
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := v3.auth_error('all');
  target record;
  accepted boolean;
  created app.backups;
  max_kinds integer := coalesce(nullif(current_setting('okv3.backup_max_message_kinds', true), '')::integer, 50);
begin
  if denied is not null then
    return denied;
  end if;
  if assignment is null or btrim(assignment) = '' then
    return v3.reply(400, '{}', 'Missing argument: assignment (the name of the assignment)');
  end if;
  if messages is null or jsonb_typeof(messages) <> 'object' then
    return v3.reply(400, '{}', 'Invalid argument: messages must be a JSON object');
  end if;
  if messages ? '' then
    return v3.reply(400, '{}', 'Invalid argument: a message kind may not be empty');
  end if;
  if (select count(*) from jsonb_object_keys(messages) as k) > max_kinds then
    return v3.reply(400, '{}', format('Invalid argument: at most %s message kinds per backup', max_kinds));
  end if;
  if jsonb_path_exists(messages, 'strict $.**{64}') then
    return v3.reply(400, '{}', 'Invalid argument: messages may not nest 64 or more levels deep');
  end if;

  select a.id, a.course_id, a.name, a.lock_at, c.offering, c.display_name, c.active, c.timezone
  into target
  from app.assignments as a
  inner join app.courses as c on a.course_id = c.id
  where a.name = v3_backups_post.assignment;
  if target.id is null then
    return v3.reply(403, '{"data": {"backup": true}}', 'Assignment does not exist');
  end if;

  if not app.take_intake_allowance(auth.user_id()) then
    perform set_config('response.headers', '[{"Retry-After": "5"}]', true);
    return v3.reply(429, '{"data": {"backup": false}}',
      'Too many backups from you in a short time: this one was not stored. ok-client keeps it and sends it '
      || 'with your next run; wait a few seconds');
  end if;
  accepted := coalesce(submit, false) and app.submission_open(target.id, target.lock_at, auth.user_id());

  insert into app.backups (assignment_id, course_id, submitter_id, submit, client_name, client_version, queued_ms)
  values (
    target.id, target.course_id, auth.user_id(), accepted,
    left(v3.header('x-ok-client-name'), 100), left(v3.header('x-ok-client-version'), 100),
    app.queued_ms(v3.header('x-request-start'))
  )
  returning * into created;

  insert into app.messages (backup_id, kind, contents)
  select created.id, m.key, m.value
  from jsonb_each(messages) as m;

  if coalesce(submit, false) and not accepted then
    return v3.reply(403, '{"data": {"backup": true, "late": true}}', 'Late Submission of ' || target.name);
  end if;

  return v3.reply(200, jsonb_build_object(
    'email', auth.claims() ->> 'email',
    'key', app.hashid_encode(created.id),
    'course', jsonb_build_object(
      'id', target.course_id, 'offering', target.offering, 'display_name', target.display_name,
      'active', target.active, 'timezone', target.timezone
    ),
    'assignment', target.name
  ));
end;
$$;

revoke all on function api.v3_backups_post(text, jsonb, boolean) from public;
alter function api.v3_backups_post(text, jsonb, boolean) owner to ok_api;
grant execute on function api.v3_backups_post(text, jsonb, boolean) to ok_anon, ok_user;
comment on function api.v3_backups_post(text, jsonb, boolean) is
'POST /api/v3/backups/: store a backup or submission (ok-client).';
