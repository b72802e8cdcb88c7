-- app.analytics_backup_facts(): for every backup, the figures the analytics snapshots take from
-- messages their owner may not read, without their text: the lines of code in its files
-- (file_contents: every string value but the "submit" flag, lines counted by newlines) and,
-- from ok-client's analytics message, whether it was an unlock run, the attempts its history
-- counts (history.all_attempts) and the questions asked for with -q (at most 20, each cut to
-- 100 characters). Student-sent values of the wrong shape count as nothing (null).
-- Called by: analytics.backup_runs (its refresh, as ok_analytics_owner).
-- Security: definer (ok_owner reads every message; the analytics owner reads only grading
-- messages: file contents and free-form analytics may name their authors). It answers counts,
-- flags and question names only. Raises nothing.
create or replace function app.analytics_backup_facts()
returns table (backup_id bigint, lines bigint, unlock boolean, all_attempts integer, requested_questions text[])
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select
    b.id,
    (
      select sum(length(f.value) - length(replace(f.value, chr(10), '')) + 1)
      from jsonb_each_text(case when jsonb_typeof(fc.contents) = 'object' then fc.contents else '{}' end) as f
      where f.key <> 'submit' and jsonb_typeof(fc.contents -> f.key) = 'string'
    ),
    case when jsonb_typeof(an.contents -> 'unlock') = 'boolean' then (an.contents ->> 'unlock')::boolean end,
    case when an.contents #>> '{history,all_attempts}' ~ '^[0-9]{1,6}$' then (an.contents #>> '{history,all_attempts}')::integer end,
    case when jsonb_typeof(an.contents -> 'question') = 'array' then (
      select array_agg(left(q.value, 100) order by q.ordinality)
      from jsonb_array_elements_text(an.contents -> 'question') with ordinality as q (value, ordinality)
      where q.ordinality <= 20
    ) end
  from app.backups as b
  left join app.messages as fc on fc.backup_id = b.id and fc.kind = 'file_contents'
  left join app.messages as an on an.backup_id = b.id and an.kind = 'analytics'
$$;

revoke all on function app.analytics_backup_facts() from public;
grant execute on function app.analytics_backup_facts() to ok_analytics_owner;
comment on function app.analytics_backup_facts() is
'Per backup: lines of code, unlock run, history attempts and requested questions (no text of files).';
