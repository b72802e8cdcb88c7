-- Question: How long do students work between runs of the tests, and how much code changes?
-- For: researchers studying work habits (Metabase: a table per assignment).
select
  assignment_id,
  count(distinct student_key) as students,
  count(*) as runs,
  round((percentile_cont(0.5) within group (order by seconds_since_previous) / 60)::numeric, 1) as median_minutes_between_runs,
  round(avg(abs(lines_delta)), 1) as mean_lines_changed,
  round(100.0 * count(*) filter (where questions_failed > 0) / count(*), 1) as percent_runs_failing_a_test
from analytics.backup_runs
where seconds_since_previous is not null
group by assignment_id
order by assignment_id
