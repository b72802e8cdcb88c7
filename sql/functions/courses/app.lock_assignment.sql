-- app.lock_assignment(assignment_id): serialise changes to one assignment's flags and groups
-- for the rest of the transaction (an advisory lock). Two students flagging at once, or a
-- flag racing an accepted invitation, run one after the other, so "one flagged backup per
-- group" and "one group per student" hold under concurrency. (Key space 4242; 4243 is
-- app.lock_shared_best's, for scores and their summary.)
-- Called by: api.flag_backup, api.unflag, the api.group_* functions. Security: invoker.
create or replace function app.lock_assignment(assignment_id bigint)
returns void
language sql
volatile
as $$
  select pg_advisory_xact_lock(4242, (assignment_id % 2147483647)::integer)
$$;

revoke all on function app.lock_assignment(bigint) from public;
grant execute on function app.lock_assignment(bigint) to ok_api;
