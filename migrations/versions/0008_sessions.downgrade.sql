-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file ban-drop-column, ban-drop-function, ban-drop-table, require-lock-timeout, require-statement-timeout
create or replace function auth.check_request()
returns void
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  token_jti text := auth.claims() ->> 'jti';
begin
  if token_jti is null then
    return;
  end if;
  if not exists (
    select 1
    from auth.oauth_tokens as t
    where t.jti = token_jti::uuid
      and t.revoked_at is null
  ) then
    raise sqlstate 'PT401' using message = 'Token revoked',
      detail = 'The access token was revoked or is unknown.';
  end if;
end;
$$;
comment on function auth.check_request() is
'db-pre-request hook: rejects revoked access tokens (PT401).';

create or replace function app.tg__audit()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  old_row jsonb := case when TG_OP in ('UPDATE', 'DELETE') then to_jsonb(OLD) end;
  new_row jsonb := case when TG_OP in ('INSERT', 'UPDATE') then to_jsonb(NEW) end;
  any_row jsonb := coalesce(new_row, old_row);
begin
  if TG_OP = 'UPDATE' and old_row = new_row then
    return null;
  end if;
  insert into app.audit_log (actor_id, actor, action, table_name, row_key, course_id, before, after)
  values (
    auth.user_id(),
    auth.actor(),
    lower(TG_OP),
    TG_TABLE_NAME,
    coalesce(any_row -> 'id', jsonb_build_object(
      'user_id', any_row -> 'user_id', 'course_id', any_row -> 'course_id')),
    case when TG_TABLE_NAME = 'courses' then (any_row ->> 'id')::bigint
         else (any_row ->> 'course_id')::bigint end,
    old_row,
    new_row
  );
  return null;
end;
$$;

drop function if exists auth.session_id();
drop function if exists auth.sudo_by();
drop function if exists app.start_session(bigint, timestamptz, bigint, bigint);
alter table app.audit_log drop column real_actor_id;
drop table auth.sessions;
