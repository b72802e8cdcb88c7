-- app.collect_backup_facts(): what each backup's messages say for analytics, computed once per
-- backup, for the backups that have none yet (an anti-join over the newest 100,000 ids below
-- the last one collected, not a bare high-water mark: a backup whose transaction committed
-- late is not missed): into app.backup_facts the lines of code
-- in its files (file_contents: every string value but the "submit" flag, lines counted by
-- newlines), its grading message's questions run, passed, failed and failed cases
-- (app.grading_results), and from ok-client's analytics message whether it was an
-- unlock run, the attempts its history counts and the questions asked for with -q (at most
-- 20, each cut to 100 characters); into app.question_facts a row per question. Student-sent
-- values of the wrong shape count as nothing (null). A backup's messages never change, so a
-- refresh reads only what arrived since the last. Answers the backups it read.
-- Called by: analytics.refresh_snapshots (as ok_analytics_owner), first.
-- Security: definer (ok_owner reads every message; the analytics owner reads only grading
-- messages: file contents and free-form analytics may name their authors). It stores counts,
-- flags and question names only. Raises nothing.
-- requires: app.grading_results.sql
create or replace function app.collect_backup_facts()
returns bigint
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  added bigint;
begin
  with new_backups as materialized (
    select b.id, b.assignment_id, b.submitter_id from app.backups as b
    -- among the newest: a backup id comes from a sequence at insert, so a transaction that
    -- committed late holds an id a little below the newest; 100,000 is hours of a deadline
    where b.id > coalesce((select max(f.backup_id) from app.backup_facts as f), 0) - 100000
      and not exists (select 1 from app.backup_facts as f where f.backup_id = b.id)
  ),
  questions as (
    insert into app.question_facts (backup_id, question, assignment_id, submitter_id, passed, failed, locked)
    select n.id, r.question, n.assignment_id, n.submitter_id, r.passed, r.failed, r.locked
    from new_backups as n
    inner join app.messages as m on n.id = m.backup_id and m.kind = 'grading'
    cross join lateral app.grading_results(m.contents) as r
    on conflict do nothing
    returning backup_id, passed, failed, locked
  ),
  per_backup as (
    select
      x.backup_id,
      count(*) as run,
      count(*) filter (where x.passed > 0 and x.failed = 0 and x.locked = 0) as passed,
      count(*) filter (where x.failed > 0) as failed,
      sum(x.failed) as failed_cases
    from questions as x
    group by x.backup_id
  )
  insert into app.backup_facts (
    backup_id, lines, questions_run, questions_passed, questions_failed, failed_cases, unlock, all_attempts,
    requested_questions
  )
  select
    n.id,
    (
      select sum(length(f.value) - length(replace(f.value, chr(10), '')) + 1)
      from jsonb_each_text(case when jsonb_typeof(fc.contents) = 'object' then fc.contents else '{}' end) as f
      where f.key <> 'submit' and jsonb_typeof(fc.contents -> f.key) = 'string'
    ),
    q.run,
    q.passed,
    q.failed,
    q.failed_cases,
    case when jsonb_typeof(an.contents -> 'unlock') = 'boolean' then (an.contents ->> 'unlock')::boolean end,
    case
      when jsonb_typeof(an.contents #> '{history,all_attempts}') = 'number'
        then least(greatest((an.contents #>> '{history,all_attempts}')::numeric, 0), 1000000)::integer
    end,
    case when jsonb_typeof(an.contents -> 'question') = 'array' then (
      select array_agg(left(x.value, 100) order by x.ordinality)
      from jsonb_array_elements_text(an.contents -> 'question') with ordinality as x (value, ordinality)
      where x.ordinality <= 20
    ) end
  from new_backups as n
  left join app.messages as fc on n.id = fc.backup_id and fc.kind = 'file_contents'
  left join app.messages as an on n.id = an.backup_id and an.kind = 'analytics'
  left join per_backup as q on n.id = q.backup_id
  on conflict do nothing;
  get diagnostics added = row_count;
  return added;
end;
$$;

revoke all on function app.collect_backup_facts() from public;
grant execute on function app.collect_backup_facts() to ok_analytics_owner;
comment on function app.collect_backup_facts() is
'Compute, once per backup, what its messages say for analytics (lines of code, tests, ok-client analytics).';
