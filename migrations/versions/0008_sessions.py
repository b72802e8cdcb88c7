"""Revocable browser sessions and sudo audited as the real actor (issue 7, points 4 and 6)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27

- auth.sessions: one row per browser session (api.login) and per impersonation session
  (api.sudo: sudo_by = the admin, parent_id = the admin's own session). Its jti is in the
  session's claims; auth.check_request() refuses a jti that is unknown, revoked or expired,
  and re-derives the admin flag from app.users on every request.
- app.audit_log.real_actor_id: the admin who really acted while acting as actor_id.

The downgrade puts back the 0007 bodies of auth.check_request() and app.tg__audit(),
which at head read what this revision adds, and drops the helpers that name the table.
"""

from migrations.sqlexec import execute

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ME = "(select auth.user_id())"

UPGRADE = rf"""
create table auth.sessions (
    id bigint generated always as identity primary key,
    jti uuid not null default extensions.gen_random_uuid(),
    user_id bigint not null references app.users (id) on delete cascade,
    sudo_by bigint references app.users (id) on delete cascade,
    parent_id bigint references auth.sessions (id) on delete cascade,
    user_agent text not null default '',
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz,
    constraint sessions_jti_key unique (jti),
    constraint sessions_sudo_has_parent check ((sudo_by is null) = (parent_id is null)),
    constraint sessions_user_agent_length check (length(user_agent) <= 200)
);
create index sessions_user_idx on auth.sessions (user_id);
create index sessions_sudo_by_idx on auth.sessions (sudo_by) where sudo_by is not null;
create index sessions_parent_idx on auth.sessions (parent_id) where parent_id is not null;
comment on table auth.sessions is
'Browser sessions (api.login) and impersonation sessions (api.sudo); checked by jti on every request.';
comment on column auth.sessions.sudo_by is 'The site admin acting as user_id in this session (sudo), else null.';
comment on column auth.sessions.parent_id is 'The admin''s own session that a sudo session returns to.';

alter table auth.sessions enable row level security;
alter table auth.sessions force row level security;
create policy sessions_owner_all on auth.sessions for all to ok_owner using (true) with check (true);
create policy sessions_admin_all on auth.sessions for all to ok_admin
using ((select auth.is_admin())) with check ((select auth.is_admin()));
create policy sessions_select on auth.sessions for select to ok_user using (user_id = {ME});
-- A user may end their own sessions, never bring one back.
create policy sessions_revoke on auth.sessions for update to ok_user
using (user_id = {ME}) with check (user_id = {ME} and revoked_at is not null);
-- No jti and no parent for request roles: the jti is the session's identity in its claims.
grant select (id, user_id, sudo_by, user_agent, created_at, last_seen_at, expires_at, revoked_at)
on auth.sessions to ok_user;
grant update (revoked_at) on auth.sessions to ok_api;

alter table app.audit_log add column real_actor_id bigint;
comment on column app.audit_log.real_actor_id is
'The site admin who really acted when actor_id is the user they were acting as (sudo); null otherwise.';
"""

# The 0007 bodies, verbatim from sql/ at that revision.
DOWNGRADE = r"""
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
"""


def upgrade() -> None:
    execute(UPGRADE)


def downgrade() -> None:
    execute(DOWNGRADE)
