-- Drop every view in app before the versioned revisions run, so that they may alter the
-- tables the views read; the views are rebuilt from sql/views/app.* after the revisions.
-- Run by: migrations/replaceables.py (online and in the offline --sql script), as ok_owner,
-- after api and analytics (whose views may read app views) were dropped and recreated.
-- A view is dropped only when no other view depends on it, so dependents go first; no
-- cascade: anything else that depends on an app view makes this fail loudly.
do $drop_app_views$
declare
  victim name;
begin
  loop
    select c.relname into victim
    from pg_catalog.pg_class as c
    inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
    where
      n.nspname = 'app'
      and c.relkind = 'v'
      and not exists (
        select 1
        from pg_catalog.pg_depend as d
        inner join pg_catalog.pg_rewrite as r
          on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = r.oid
        where d.refobjid = c.oid and r.ev_class <> c.oid
      )
    order by c.relname
    limit 1;
    exit when victim is null;
    execute format('drop view app.%I', victim);
  end loop;
end
$drop_app_views$;
