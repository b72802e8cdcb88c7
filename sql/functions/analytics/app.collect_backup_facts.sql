-- app.collect_backup_facts(): every backup's facts for analytics, computed once per backup as
-- it first reaches a refresh, for the backups that have none yet (an anti-join over the newest
-- 100,000 ids below the last one collected, not a bare high-water mark: a backup whose
-- transaction committed late is not missed). Into app.backup_facts: its run (course,
-- assignment, the student's pseudonym analytics.student_key, time, submission, client
-- version), the lines of code in its files (file_contents: every string value but the
-- "submit" flag, lines counted by newlines), its grading message's questions run, passed,
-- failed and failed cases (app.grading_results), from ok-client's analytics message whether it
-- was an unlock run, the attempts its history counts and the questions asked for with -q (at
-- most 20, each cut to 100 characters), and the seconds and net lines since the same
-- student's previous backup of the assignment; into app.question_facts a row per question.
-- A backup that arrives out of order (earlier than one already collected) also updates its
-- successor's gap; a backup staff flagged since (api.flag_backup) becomes a submission. When
-- backups are left without facts below the look-back (an old id stored late), a second pass
-- sweeps every backup. The pseudonyms are stored: the salt (auth.settings analytics_salt) is
-- set once when the database is created and nothing changes it.
-- One collector at a time (an advisory lock, 4246/2).
-- Student-sent values of the wrong shape count as nothing (null). A backup's messages never
-- change, so a refresh reads only what arrived since the last. Answers the backups it read.
-- Called by: analytics.refresh_snapshots (as ok_analytics_owner), first; analytics.backup_runs
-- reads the result.
-- Security: definer (ok_owner reads every message; the analytics owner reads only grading
-- messages: file contents and free-form analytics may name their authors). It stores counts,
-- flags, question names and pseudonyms only. Raises nothing.
-- requires: app.grading_results.sql, analytics.student_key.sql
create or replace function app.collect_backup_facts()
returns bigint
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  added bigint := 0;
  collected bigint;
  -- among the newest: a backup id comes from a sequence at insert, so a transaction that
  -- committed late holds an id a little below the newest; 100,000 is hours of a deadline
  floor_id bigint;
begin
  -- one collector at a time (the schedule's and an admin's refresh may overlap): a second
  -- one waits, then finds the first one's rows. An advisory lock (4246: analytics; 2: this
  -- collector), not a table lock, which would deadlock with a backup's deletion cascading here.
  perform pg_advisory_xact_lock(4246, 2);
  floor_id := coalesce((select max(f.backup_id) from app.backup_facts as f), 0) - 100000;
  loop
    with new_backups as materialized (
      select b.id, b.course_id, b.assignment_id, b.submitter_id, b.created_at, b.submit, b.client_version
      from app.backups as b
      where b.id > floor_id
        and not exists (select 1 from app.backup_facts as f where f.backup_id = b.id)
    ),
    -- each pseudonym once per student, not once per backup (an HMAC)
    keyed as materialized (
      select p.course_id, p.submitter_id, analytics.student_key(p.course_id, p.submitter_id) as student_key
      from (select distinct n.course_id, n.submitter_id from new_backups as n) as p
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
    -- a backup's questions: those inserted now, and any kept from before (an insert's
    -- returning leaves out the rows it skipped; this statement's snapshot holds the old ones
    -- only, so none is counted twice)
    per_backup as (
      select
        x.backup_id,
        count(*) as run,
        count(*) filter (where x.passed > 0 and x.failed = 0 and x.locked = 0) as passed,
        count(*) filter (where x.failed > 0) as failed,
        sum(x.failed) as failed_cases
      from (
        select q.backup_id, q.passed, q.failed, q.locked from questions as q
        union all
        select k.backup_id, k.passed, k.failed, k.locked from app.question_facts as k
        where k.backup_id in (select n.id from new_backups as n)
      ) as x
      group by x.backup_id
    ),
    facts as materialized (
      select
        n.id,
        n.course_id,
        n.assignment_id,
        n.submitter_id,
        k.student_key,
        n.created_at,
        n.submit,
        n.client_version,
        (
          select sum(length(f.value) - length(replace(f.value, chr(10), '')) + 1)
          from jsonb_each_text(case when jsonb_typeof(fc.contents) = 'object' then fc.contents else '{}' end) as f
          where f.key <> 'submit' and jsonb_typeof(fc.contents -> f.key) = 'string'
        ) as lines,
        q.run,
        q.passed,
        q.failed,
        q.failed_cases,
        case when jsonb_typeof(an.contents -> 'unlock') = 'boolean' then (an.contents ->> 'unlock')::boolean end as unlock,
        case
          when jsonb_typeof(an.contents #> '{history,all_attempts}') = 'number'
            then least(greatest((an.contents #>> '{history,all_attempts}')::numeric, 0), 1000000)::integer
        end as all_attempts,
        case when jsonb_typeof(an.contents -> 'question') = 'array' then (
          select array_agg(left(x.value, 100) order by x.ordinality)
          from jsonb_array_elements_text(an.contents -> 'question') with ordinality as x (value, ordinality)
          where x.ordinality <= 20
        ) end as requested_questions
      from new_backups as n
      inner join keyed as k on n.course_id = k.course_id and n.submitter_id = k.submitter_id
      left join app.messages as fc on n.id = fc.backup_id and fc.kind = 'file_contents'
      left join app.messages as an on n.id = an.backup_id and an.kind = 'analytics'
      left join per_backup as q on n.id = q.backup_id
    ),
    -- the runs these backups belong to (a student's backups of an assignment), collected and
    -- new, in order: a new backup's gap, and a collected one's if a new one now precedes it
    runs as materialized (
      select
        u.backup_id,
        u.is_new,
        extract(epoch from u.created_at - lag(u.created_at) over w)::double precision as seconds_since_previous,
        u.lines - lag(u.lines) over w as lines_delta
      from (
        select x.id as backup_id, x.assignment_id, x.submitter_id, x.created_at, x.lines, true as is_new
        from facts as x
        union all
        select f.backup_id, f.assignment_id, f.submitter_id, f.created_at, f.lines, false
        from app.backup_facts as f
        where exists (
          select 1 from new_backups as n where f.assignment_id = n.assignment_id and f.submitter_id = n.submitter_id
        )
      ) as u
      window w as (partition by u.assignment_id, u.submitter_id order by u.created_at, u.backup_id)
    ),
    reordered as (
      update app.backup_facts as f
      set seconds_since_previous = r.seconds_since_previous, lines_delta = r.lines_delta
      from runs as r
      where f.backup_id = r.backup_id and not r.is_new
        and (f.seconds_since_previous is distinct from r.seconds_since_previous or f.lines_delta is distinct from r.lines_delta)
    )
    insert into app.backup_facts (
      backup_id, course_id, assignment_id, submitter_id, student_key, created_at, is_submission, client_version,
      lines, questions_run, questions_passed, questions_failed, failed_cases, unlock, all_attempts, requested_questions,
      seconds_since_previous, lines_delta
    )
    select
      x.id, x.course_id, x.assignment_id, x.submitter_id, x.student_key, x.created_at, x.submit, x.client_version,
      x.lines, x.run, x.passed, x.failed, x.failed_cases, x.unlock, x.all_attempts, x.requested_questions,
      r.seconds_since_previous, r.lines_delta
    from facts as x
    inner join runs as r on x.id = r.backup_id and r.is_new
    on conflict do nothing;
    get diagnostics collected = row_count;
    added := added + collected;
    -- a backup below the look-back without facts (one stored late with an old id): counted
    -- below it (index-only scans of both keys; no backup in flight is that old), then swept
    exit when floor_id < 0 or (select count(*) from app.backups as b where b.id <= floor_id)
      <= (select count(*) from app.backup_facts as f where f.backup_id <= floor_id);
    floor_id := -1;
  end loop;
  -- a backup staff flagged since it was collected is a submission now (flagging sets submit;
  -- nothing clears it): each submission is checked, by a join of the submissions' partial
  -- index with the facts' key
  update app.backup_facts as f
  set is_submission = true
  from app.backups as b
  where b.submit and f.backup_id = b.id and not f.is_submission;
  if added > 0 then
    analyze app.backup_facts;  -- analytics.backup_runs is read through it: fresh statistics
  end if;
  return added;
end;
$$;

revoke all on function app.collect_backup_facts() from public;
grant execute on function app.collect_backup_facts() to ok_analytics_owner;
comment on function app.collect_backup_facts() is
'Compute, once per backup, its facts for analytics (its run, lines of code, tests, ok-client analytics).';
