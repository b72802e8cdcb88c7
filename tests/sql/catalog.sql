-- Catalog tests: the rules that keep the foundation honest as the schema grows.
begin;
select plan(22);

select is_empty(
  $$ select n.nspname || '.' || c.relname
     from pg_class as c inner join pg_namespace as n on c.relnamespace = n.oid
     where n.nspname in ('app', 'auth') and c.relkind in ('r', 'p')
       and not (c.relrowsecurity and c.relforcerowsecurity) $$,
  'every app and auth table has row-level security enabled and forced'
);

select is_empty(
  $$ select n.nspname || '.' || c.relname
     from pg_class as c inner join pg_namespace as n on c.relnamespace = n.oid
     where (n.nspname in ('api', 'analytics') and c.relkind in ('r', 'p', 'S', 'f'))
        or (n.nspname = 'api' and c.relkind = 'm') $$,
  'api and analytics hold no tables or sequences, and api no materialized views'
);

select is_empty(
  $$ select c.relname::text
     from pg_class as c inner join pg_namespace as n on c.relnamespace = n.oid
     where n.nspname = 'analytics' and c.relkind = 'm'
       and (
         not exists (select 1 from pg_index as i where i.indrelid = c.oid and i.indisunique and i.indexprs is null
                     and i.indpred is null)
         or position('refresh materialized view concurrently analytics.' || c.relname || ';' in
                     (select p.prosrc from pg_proc as p where p.oid = 'analytics.refresh_snapshots()'::regprocedure)) = 0
       ) $$,
  'every analytics snapshot has a plain unique index and is refreshed, concurrently, by analytics.refresh_snapshots'
);

select is_empty(
  $$ select p.oid::regprocedure::text
     from pg_proc as p inner join pg_namespace as n on p.pronamespace = n.oid
     where n.nspname in ('app', 'auth', 'v3', 'api', 'analytics') and p.prosecdef
       and not coalesce('search_path=pg_catalog, pg_temp' = any(p.proconfig), false) $$,
  'every security-definer function searches pg_catalog, then pg_temp (last), and nothing else'
);

select is_empty(
  $$ select r.rolname from pg_roles as r
     where r.rolname in ('authenticator', 'ok_anon', 'ok_user', 'ok_admin', 'ok_worker', 'ok_auth', 'ok_api',
                         'ok_analytics', 'ok_owner')
       and has_database_privilege(r.oid, current_database(), 'TEMP') $$,
  'no role of ours may create temporary objects in this database'
);

select ok(
  has_database_privilege('ok_analytics_owner', current_database(), 'TEMP')
  and not pg_has_role('ok_analytics', 'ok_analytics_owner', 'member')
  and not pg_has_role('authenticator', 'ok_analytics_owner', 'member'),
  'but the analytics snapshots'' owner, which no login can act as (a concurrent refresh needs a temporary table)'
);

select is_empty(
  $$ select p.polname || ' on ' || p.polrelid::regclass::text
     from pg_policy as p
     where 'ok_admin'::regrole = any(p.polroles)
       and (pg_get_expr(p.polqual, p.polrelid) is distinct from '( SELECT auth.is_admin() AS is_admin)'
            or (p.polwithcheck is not null
                and pg_get_expr(p.polwithcheck, p.polrelid) <> '( SELECT auth.is_admin() AS is_admin)')) $$,
  'admin policies check the claims with auth.is_admin() (ok_api is a member of ok_admin)'
);

select is_empty(
  $$ select p.oid::regprocedure::text
     from pg_proc as p inner join pg_namespace as n on p.pronamespace = n.oid
     where n.nspname = 'api'
       and (p.proowner not in ('ok_api'::regrole, 'ok_owner'::regrole)
            or (p.proowner = 'ok_api'::regrole and not p.prosecdef)) $$,
  'api functions are owned by ok_api (definers acting under the caller''s RLS) or ok_owner'
);

select is_empty(
  $$ select p.oid::regprocedure::text
     from pg_proc as p inner join pg_namespace as n on p.pronamespace = n.oid
     where n.nspname = 'api' and not p.prosecdef and p.prosrc ~ '\m(app|v3)\.[a-z_0-9]+\(' $$,
  'an api function that calls app or v3 helpers is a definer (request roles cannot execute them)'
);

select is_empty(
  $$ select n.nspname || '.' || c.relname
     from pg_class as c inner join pg_namespace as n on c.relnamespace = n.oid
     where n.nspname = 'v3' $$,
  'v3 (the ok-client contract''s helpers) holds functions only: no table, view or sequence'
);

select is_empty(
  $$ select p.oid::regprocedure::text || ' ' || r.rolname
     from pg_proc as p
     inner join pg_namespace as n on p.pronamespace = n.oid
     cross join pg_roles as r
     where n.nspname in ('app', 'v3')
       and r.rolname in ('authenticator', 'ok_anon', 'ok_user', 'ok_admin', 'ok_worker', 'ok_auth', 'ok_analytics')
       and has_function_privilege(r.oid, p.oid, 'execute') $$,
  'no request role executes an app or v3 helper (only ok_api and the owners do)'
);

select is_empty(
  $$ select p.oid::regprocedure::text
     from pg_proc as p inner join pg_namespace as n on p.pronamespace = n.oid
     where n.nspname in ('app', 'auth', 'v3', 'api', 'analytics')
       and has_function_privilege('public', p.oid, 'execute') $$,
  'no function of ours is executable by PUBLIC'
);

select is_empty(
  $$ select c.relname || '.' || a.attname
     from pg_attribute as a
     inner join pg_class as c on a.attrelid = c.oid
     inner join pg_namespace as n on c.relnamespace = n.oid
     where n.nspname = 'analytics' and a.attnum > 0 and not a.attisdropped
       and a.attname ~* '(email|name|sid|login)' and a.attname !~* '^(assignment|course|kind)$' $$,
  'no analytics column is named like email, name, sid or login'
);

select is_empty(
  $$ select c.relname from pg_class as c inner join pg_namespace as n on c.relnamespace = n.oid
     where n.nspname = 'api' and c.relkind = 'v'
       and not coalesce('security_invoker=true' = any(c.reloptions), false) $$,
  'every api view runs with the caller''s rights (security_invoker)'
);

select is_empty(
  $$ select c.relname from pg_class as c
     inner join pg_namespace as n on c.relnamespace = n.oid
     inner join pg_roles as r on c.relowner = r.oid
     where n.nspname in ('app', 'auth', 'api', 'analytics') and (r.rolsuper or r.rolbypassrls) $$,
  'no table or view of ours is owned by a role that bypasses RLS'
);

select is_empty(
  $$ select schemaname || '.' || tablename || ' ' || policyname
     from pg_policies
     where schemaname in ('app', 'auth')
       and coalesce(qual, '') || coalesce(with_check, '') ~ 'auth\.[a-z_]+\('
       and coalesce(qual, '') || coalesce(with_check, '') !~ 'SELECT auth\.' $$,
  'policies wrap claim helpers in (select ...) so they run once per statement'
);

select is_empty(
  $$ select schemaname || '.' || tablename || ' ' || policyname
     from pg_policies
     where coalesce(qual, '') || coalesce(with_check, '')
           ~ 'course_ids\(VARIADIC ARRAY\[(''(reader|ta|instructor)''::text(, )?){3}\]\)' $$,
  'no policy spells out the staff roles: they read auth.staff_course_ids(), the one definition'
);

select is_empty(
  $$ select pg_describe_object(d.classid, d.objid, d.objsubid)
     from pg_depend as d
     inner join pg_proc as p on d.refclassid = 'pg_proc'::regclass and d.refobjid = p.oid
     inner join pg_namespace as n on p.pronamespace = n.oid
     where n.nspname = 'v3'
       and not exists (select 1 from pg_proc as q inner join pg_namespace as m on q.pronamespace = m.oid
                       where d.classid = 'pg_proc'::regclass and q.oid = d.objid and m.nspname in ('v3', 'api')) $$,
  'nothing outside api and v3 depends on a v3 helper (v3 is dropped and rebuilt by every migration run)'
);

select is(
  (select string_agg(r.rolname || ' in ' || m.rolname, ', ' order by r.rolname, m.rolname)
   from pg_auth_members as am
   inner join pg_roles as r on am.member = r.oid
   inner join pg_roles as m on am.roleid = m.oid
   where r.rolname in ('authenticator', 'ok_admin', 'ok_user', 'ok_anon', 'ok_analytics')
     and m.rolname like 'ok\_%'),
  'authenticator in ok_admin, authenticator in ok_anon, authenticator in ok_auth, authenticator in ok_user, '
  || 'authenticator in ok_worker, ok_admin in ok_user',
  'role memberships are as documented in sql/01_roles.sql'
);

select is(
  (select string_agg(
     format('%s login=%s inherit=%s bypass=%s', rolname, rolcanlogin, rolinherit, rolbypassrls or rolsuper),
     ', ' order by rolname)
   from pg_roles
   where rolname in ('ok_owner', 'authenticator', 'ok_anon', 'ok_user', 'ok_admin', 'ok_worker',
                     'ok_analytics_owner', 'ok_analytics', 'ok_auth')),
  'authenticator login=t inherit=f bypass=f, ok_admin login=f inherit=t bypass=f, '
  || 'ok_analytics login=t inherit=t bypass=f, '
  || 'ok_analytics_owner login=f inherit=t bypass=f, '
  || 'ok_anon login=f inherit=t bypass=f, ok_auth login=f inherit=t bypass=f, ok_owner login=f inherit=t bypass=f, '
  || 'ok_user login=f inherit=t bypass=f, ok_worker login=f inherit=t bypass=f',
  'login, inherit and bypass attributes of every role'
);

select is(
  (select count(*)::int from information_schema.role_table_grants
   where grantee = 'ok_analytics' and table_schema <> 'analytics'),
  0,
  'the analytics login may read nothing outside the analytics schema'
);

select is_empty(
  $$ select n.nspname || '.' || c.relname || ' ' || r.rolname
     from pg_class as c
     inner join pg_namespace as n on c.relnamespace = n.oid
     cross join pg_roles as r
     where n.nspname in ('app', 'auth') and c.relkind = 'r'
       and r.rolname in ('ok_anon', 'ok_user', 'ok_worker', 'ok_auth', 'ok_analytics', 'authenticator')
       and has_table_privilege(r.oid, c.oid, 'truncate') $$,
  'no request role may truncate a table'
);

select * from finish();
rollback;
