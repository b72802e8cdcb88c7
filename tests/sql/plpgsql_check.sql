-- plpgsql_check over every plpgsql function of ours: errors PostgreSQL accepts at CREATE time
-- (a misspelt column, a wrong type) fail the suite here. Trigger functions are checked
-- against each table they are attached to; a statement trigger function with transition tables
-- (old_rows, new_rows: one function serves a table's insert, update and delete triggers, each
-- branch reading the tables its event has) is checked through its trigger that has both.
begin;
select plan(2);

select is_empty(
  $$ select p.oid::regprocedure::text || ': ' || r.message || coalesce(' at line ' || r.lineno, '')
     from pg_proc as p
     inner join pg_namespace as n on p.pronamespace = n.oid
     inner join pg_language as l on p.prolang = l.oid
     cross join lateral plpgsql_check_function_tb(p.oid) as r
     where n.nspname in ('app', 'auth', 'api', 'analytics') and l.lanname = 'plpgsql'
       and p.prorettype <> 'trigger'::regtype
       and r.level = 'error' $$,
  'plpgsql_check finds no errors in non-trigger functions'
);

select is_empty(
  $$ select p.oid::regprocedure::text || ' on ' || t.tgrelid::regclass::text || ': ' || r.message
     from pg_trigger as t
     inner join pg_proc as p on t.tgfoid = p.oid
     inner join pg_namespace as n on p.pronamespace = n.oid
     cross join lateral plpgsql_check_function_tb(
       p.oid, t.tgrelid, oldtable => t.tgoldtable, newtable => t.tgnewtable
     ) as r
     where n.nspname in ('app', 'auth') and not t.tgisinternal
       and (t.tgoldtable is null) = (t.tgnewtable is null)
       and r.level = 'error' $$,
  'plpgsql_check finds no errors in trigger functions, table by table'
);

select * from finish();
rollback;
