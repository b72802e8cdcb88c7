-- api.request_regrade(name, key, kind, reason): a student asks for a regrade of a published
-- score of their group (the backup's active score of that kind), saying why. One request per
-- backup and kind may be open at a time. Answers {"id", "status"}. Audited (the requests'
-- audit trigger).
-- Called by: POST /<assignment>/request_regrade (the student's assignment page). Security:
-- definer as ok_api (the caller's RLS applies: a student sees their group's backups and
-- published scores only, and files requests as themselves).
-- Raises: PT401; PT404 no such backup for the caller, no published score of the kind on it;
-- PT422 no reason; PT409 a request of that score already open.
-- requires: app.require_login.sql, app.hashid_decode.sql
create or replace function api.request_regrade(name text, key text, kind text, reason text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  clean_kind text := lower(btrim(coalesce(request_regrade.kind, '')));
  asked app.scores;
  filed bigint;
begin
  perform app.require_login();
  if not exists (
    select 1 from app.backups as b inner join app.assignments as a on b.assignment_id = a.id
    where b.id = app.hashid_decode(request_regrade.key) and a.name = request_regrade.name
  ) then
    raise sqlstate 'PT404' using message = format('No backup %s in %s', request_regrade.key, request_regrade.name);
  end if;
  select s.* into asked
  from app.scores as s inner join app.assignments as a on s.assignment_id = a.id
  where s.backup_id = app.hashid_decode(request_regrade.key) and s.kind = clean_kind and not s.archived
    and s.kind = any(a.published_score_kinds);
  if asked.id is null then
    raise sqlstate 'PT404' using message = format(
      'There is no published %s score on %s to regrade', coalesce(nullif(clean_kind, ''), '(no kind)'), request_regrade.key
    );
  end if;
  if btrim(coalesce(request_regrade.reason, '')) = '' then
    raise sqlstate 'PT422' using message = 'Say why the score should change';
  end if;
  begin
    insert into app.regrade_requests (
      assignment_id, course_id, backup_id, kind, score_id, asked_value, requester_id, reason
    )
    values (asked.assignment_id, asked.course_id, asked.backup_id, asked.kind, asked.id, asked.value, auth.user_id(),
            request_regrade.reason)
    returning id into filed;
  exception when unique_violation then
    raise sqlstate 'PT409' using message = format('A regrade of this %s score is already open', asked.kind);
  end;
  return jsonb_build_object('id', filed, 'status', 'open');
end;
$$;

revoke all on function api.request_regrade(text, text, text, text) from public;
alter function api.request_regrade(text, text, text, text) owner to ok_api;
grant execute on function api.request_regrade(text, text, text, text) to ok_user;
comment on function api.request_regrade(text, text, text, text) is
'A student asks for a regrade of a published score of their group, with a reason.';
