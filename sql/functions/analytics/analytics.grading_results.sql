-- analytics.grading_results(contents): the questions of one ok-client grading message
-- ({"<question>": {"passed", "failed", "locked"}}), one row each, said once for every snapshot
-- that reads them. Student-sent values that are not small whole numbers count as 0, and a
-- message or entry of the wrong shape as no rows: a malformed message never breaks a refresh.
-- Called by: analytics.backup_runs, analytics.question_attempts (their refresh).
-- Security: invoker, immutable (no data); granted to no login: only the snapshots' owner
-- runs it. Raises nothing.
create or replace function analytics.grading_results(contents jsonb)
returns table (question text, passed integer, failed integer, locked integer)
language sql
immutable
parallel safe
as $$
  select
    q.key,
    case when q.value ->> 'passed' ~ '^[0-9]{1,6}$' then (q.value ->> 'passed')::integer else 0 end,
    case when q.value ->> 'failed' ~ '^[0-9]{1,6}$' then (q.value ->> 'failed')::integer else 0 end,
    case when q.value ->> 'locked' ~ '^[0-9]{1,6}$' then (q.value ->> 'locked')::integer else 0 end
  from jsonb_each(case when jsonb_typeof(grading_results.contents) = 'object' then grading_results.contents else '{}' end) as q
  where jsonb_typeof(q.value) = 'object'
$$;

revoke all on function analytics.grading_results(jsonb) from public;
comment on function analytics.grading_results(jsonb) is
'The questions of an ok-client grading message: passed, failed and locked cases (0 when malformed).';
