-- Input limits and safe outputs in SQL (issue 7): message kinds per backup (a setting) and
-- nesting of messages.
begin;
select plan(8);
select tests.fixture();

-- Message kinds: at most okv3.backup_max_message_kinds (default 50), checked by the intake
-- function itself, so PostgREST callers are held to it too.
select tests.act_as('s1@a.edu');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01',
  (select jsonb_object_agg('kind' || n, n) from generate_series(1, 51) as n))) ->> 'code', '400',
  '51 message kinds are refused by default');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01',
  (select jsonb_object_agg('kind' || n, n) from generate_series(1, 50) as n))) ->> 'code', '200', '50 are stored');
select set_config('okv3.backup_max_message_kinds', '3', true);
select is((api.v3_backups_post('cal/cs61a/fa26/hw01', '{"a": 1, "b": 2, "c": 3, "d": 4}')) ->> 'message',
  'Invalid argument: at most 3 message kinds per backup', 'the limit is a setting');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01', '{"a": 1, "b": 2, "c": 3}')) ->> 'code', '200',
  'three kinds under a limit of three');
select set_config('okv3.backup_max_message_kinds', '', true);

-- Nesting: nothing 64 levels below messages.
select is((api.v3_backups_post('cal/cs61a/fa26/hw01',
  ('{"a": ' || repeat('[', 63) || repeat(']', 63) || '}')::jsonb)) ->> 'code', '200', '63 nested arrays are kept');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01',
  ('{"a": ' || repeat('[', 64) || repeat(']', 64) || '}')::jsonb)) ->> 'message',
  'Invalid argument: messages may not nest 64 or more levels deep', '64 are refused');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01',
  ('{"a": ' || repeat('[', 5000) || repeat(']', 5000) || '}')::jsonb)) ->> 'code', '400', 'and 5,000');
reset role;
select is((select count(*)::int from app.backups where submitter_id = tests.user_id('s1@a.edu')), 2 + 3,
  'refused backups store nothing');

select * from finish();
rollback;
