-- app.lock_shared_best(assignment_id): serialise changes to one assignment's scores and to
-- the shared best scores kept from them (app.shared_best_scores), for the rest of the
-- transaction (an advisory lock, key space 4243; app.lock_assignment's 4242 serialises flags
-- and groups). Taken by app.refresh_shared_best before it recomputes, and by
-- app.record_score before it locks the backup it scores, so that every path takes this lock
-- before any backup row: a grader's score and an accepted invitation that unflags that
-- backup cannot wait for each other.
-- Called by: app.refresh_shared_best, app.record_score. Security: invoker. Raises nothing.
create or replace function app.lock_shared_best(assignment_id bigint)
returns void
language sql
volatile
as $$
  select pg_advisory_xact_lock(4243, (lock_shared_best.assignment_id % 2147483647)::integer)
$$;

revoke all on function app.lock_shared_best(bigint) from public;
grant execute on function app.lock_shared_best(bigint) to ok_api;
