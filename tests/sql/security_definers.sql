-- Security-definer functions cannot be hijacked through pg_temp. With search_path = '' a
-- definer still resolves type and table names in pg_temp first, so a temporary domain named
-- "text" or "uuid" whose check runs the caller's code would run that code as the definer's
-- owner. Every definer here searches pg_catalog, then pg_temp. (That request roles cannot
-- create temporary objects at all is shown in tests/py/test_security_sql.py, on connections
-- of their own: pgTAP's own temporary tables already opened this session's pg_temp.)
begin;
select plan(2);
select tests.fixture();

-- A live token for s1, minted before any trap is laid.
select tests.act_as('admin@x.edu');
select set_config('t.claims', (api.issue_token('s1@a.edu') -> 'claims')::text, true);
reset role;

-- The trap: pg_temp.text and pg_temp.uuid, whose checks report who runs them.
create function pg_temp.trap(v pg_catalog.text) returns pg_catalog.bool
language plpgsql as $$
begin
  raise exception 'hijacked: running as %', current_user;
end;
$$;
create domain pg_temp.text as pg_catalog.text check (pg_temp.trap(value));
create domain pg_temp.uuid as pg_catalog.uuid check (pg_temp.trap(value::pg_catalog.text));

do $attack$
begin
  perform pg_catalog.set_config('role', 'ok_owner', true);
  begin
    perform analytics.student_key(1, 1);
    perform pg_catalog.set_config('t.student_key', 'clean', true);
  exception when others then
    perform pg_catalog.set_config('t.student_key', sqlerrm, true);
  end;
  perform pg_catalog.set_config('role', 'none', true);
  perform pg_catalog.set_config('role', 'ok_user', true);
  perform pg_catalog.set_config('request.jwt.claims', pg_catalog.current_setting('t.claims'), true);
  begin
    perform auth.check_request();
    perform pg_catalog.set_config('t.check_request', 'clean', true);
  exception when others then
    perform pg_catalog.set_config('t.check_request', sqlerrm, true);
  end;
  perform pg_catalog.set_config('role', 'none', true);
end
$attack$;

drop domain pg_temp.uuid;
drop domain pg_temp.text;

select is(current_setting('t.student_key'), 'clean',
  'analytics.student_key ignores a pg_temp.text domain (it would run as ok_analytics_owner)');
select is(current_setting('t.check_request'), 'clean',
  'auth.check_request ignores a pg_temp.uuid domain (it would run as ok_owner)');
-- (That every definer searches pg_catalog, pg_temp and that no role holds TEMP is asserted
-- for all of them in tests/sql/catalog.sql.)

select * from finish();
rollback;
