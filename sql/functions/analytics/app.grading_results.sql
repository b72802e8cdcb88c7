-- app.grading_results(contents): the questions of one ok-client grading message
-- ({"<question>": {"passed", "failed", "locked"}}), one row each, said once for every snapshot
-- that reads them. Student-sent values that are not JSON numbers count as 0 (numbers are cut to
-- 0..1,000,000), and a message or entry of the wrong shape as no rows: a malformed message
-- never breaks a refresh.
-- Called by: app.collect_backup_facts (for app.question_facts and app.backup_facts).
-- Security: invoker, immutable (no data); granted to no role but its owner. Raises nothing.
create or replace function app.grading_results(contents jsonb)
returns table (question text, passed integer, failed integer, locked integer)
language sql
immutable
parallel safe
as $$
  select
    q.key,
    -- (a JSON number, cut to 0..1,000,000; a type test and a cast, much cheaper than a pattern
    -- match over every run of every student)
    case when jsonb_typeof(q.value -> 'passed') = 'number'
      then least(greatest((q.value ->> 'passed')::numeric, 0), 1000000)::integer else 0 end,
    case when jsonb_typeof(q.value -> 'failed') = 'number'
      then least(greatest((q.value ->> 'failed')::numeric, 0), 1000000)::integer else 0 end,
    case when jsonb_typeof(q.value -> 'locked') = 'number'
      then least(greatest((q.value ->> 'locked')::numeric, 0), 1000000)::integer else 0 end
  from jsonb_each(case when jsonb_typeof(grading_results.contents) = 'object' then grading_results.contents else '{}' end) as q
  where jsonb_typeof(q.value) = 'object'
$$;

revoke all on function app.grading_results(jsonb) from public;
comment on function app.grading_results(jsonb) is
'The questions of an ok-client grading message: passed, failed and locked cases (0 when not a number).';
