-- Written before squawk linted migrations (revisions up to 0010, see docs/migrations.md):
-- applied everywhere already, on databases whose tables were new or small. Not a model.
-- squawk-ignore-file require-lock-timeout, require-statement-timeout
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
create policy sessions_select on auth.sessions for select to ok_user using (user_id = (select auth.user_id()));
-- A user may end their own sessions, never bring one back.
create policy sessions_revoke on auth.sessions for update to ok_user
using (user_id = (select auth.user_id())) with check (user_id = (select auth.user_id()) and revoked_at is not null);
-- No jti and no parent for request roles: the jti is the session's identity in its claims.
grant select (id, user_id, sudo_by, user_agent, created_at, last_seen_at, expires_at, revoked_at)
on auth.sessions to ok_user;
grant update (revoked_at) on auth.sessions to ok_api;

alter table app.audit_log add column real_actor_id bigint;
comment on column app.audit_log.real_actor_id is
'The site admin who really acted when actor_id is the user they were acting as (sudo); null otherwise.';
