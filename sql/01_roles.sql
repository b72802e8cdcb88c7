-- 01_roles.sql: the database roles of the PostgREST model (see docs/architecture.md).
-- Run by: migrations/bootstrap (as a superuser or CREATEROLE user). Idempotent.
--
--   ok_owner            NOLOGIN, NOBYPASSRLS: owns every schema, table, view and function
--   authenticator       LOGIN NOINHERIT: PostgREST and the Flask app connect as it; it can
--                       do nothing itself, only switch to one of the request roles below
--   ok_anon             NOLOGIN: requests without a valid token
--   ok_user             NOLOGIN: any signed-in user; course roles come from enrollments
--   ok_admin            NOLOGIN: site administrators (a member of ok_user)
--   ok_worker           NOLOGIN: background jobs (mail, exports)
--   ok_api              NOLOGIN, NOBYPASSRLS: owns the api functions that need internal helpers
--                       and runs them with its own rights (as their definer). A member of ok_anon, ok_user and
--                       ok_admin, so the caller's row-level security applies to it: every
--                       policy reads the caller's claims (auth.user_id(), auth.is_admin()).
--                       Only it and the owners may execute app.* helpers.
--   ok_auth             NOLOGIN: the web app's sign-in steps (login, OAuth code and refresh
--                       exchange); no token we sign carries it, so PostgREST never uses it
--   ok_analytics_owner  NOLOGIN: owns the analytics views, reads only what they expose
--   ok_analytics        LOGIN: Metabase and researchers; reads only the analytics schema
-- Passwords for the LOGIN roles are set by the deployment, never here.
do $roles$
declare
  spec record;
begin
  for spec in
    select *
    from (
      values
      ('ok_owner', 'nologin'),
      ('authenticator', 'login noinherit'),
      ('ok_anon', 'nologin'),
      ('ok_user', 'nologin'),
      ('ok_admin', 'nologin'),
      ('ok_worker', 'nologin'),
      ('ok_api', 'nologin'),
      ('ok_auth', 'nologin'),
      ('ok_analytics_owner', 'nologin'),
      ('ok_analytics', 'login')
    ) as r (role_name, options)
  loop
    if not exists (select 1 from pg_roles where rolname = spec.role_name) then
      execute format('create role %I %s', spec.role_name, spec.options);
    end if;
    execute format(
      'alter role %I %s nosuperuser nocreatedb nocreaterole nobypassrls noreplication',
      spec.role_name, spec.options
    );
  end loop;
end
$roles$;

grant ok_anon to authenticator;
grant ok_user to authenticator;
grant ok_admin to authenticator;
grant ok_worker to authenticator;
grant ok_auth to authenticator;
grant ok_user to ok_admin;
-- ok_api acts for any caller; its policies and grants are those of the request roles
-- (whose admin and worker policies check the claims, not only the role). ok_owner creates
-- the api functions and hands them to ok_api (alter function ... owner to ok_api).
grant ok_anon to ok_api;
grant ok_user to ok_api;
grant ok_admin to ok_api;
grant ok_api to ok_owner;

-- Per-request limits, applied by PostgREST (and our shim) when it switches role.
alter role ok_anon set statement_timeout = '3s';
alter role ok_user set statement_timeout = '10s';
alter role ok_auth set statement_timeout = '3s';
alter role ok_admin set statement_timeout = '60s';
alter role ok_analytics set statement_timeout = '120s';
alter role ok_analytics set default_transaction_read_only = on;
-- Researchers and Metabase can never crowd out the intake at a deadline: a few connections
-- (Metabase pools), and a session left idle in a transaction is ended (it would hold back
-- vacuum on the tables backups are written to).
alter role ok_analytics connection limit 10;
alter role ok_analytics set idle_in_transaction_session_timeout = '60s';
-- No JIT for request roles: their statements are short and index-driven, but row estimates
-- through set-returning functions can be large enough to trigger JIT compilation that costs
-- more (hundreds of ms) than the query itself. PostgREST and the shim apply these on SET ROLE.
alter role ok_anon set jit = off;
alter role ok_user set jit = off;
alter role ok_admin set jit = off;
alter role ok_worker set jit = off;
alter role ok_auth set jit = off;
