-- analytics.refresh_snapshots(): first compute what the backups that arrived since the last
-- refresh say (app.collect_backup_facts: analytics.backup_runs is a view of its table), then
-- recompute every other analytics snapshot (the materialized views of schema analytics) from
-- the live tables, concurrently (readers keep
-- reading the previous snapshot meanwhile), analyze them (fresh statistics for researchers'
-- queries), and refresh analytics.snapshot last, so its time is the set's. The final
-- submissions are computed as a site admin would see them (claims of an admin, for this
-- transaction only, then put back): app.unit_finals shows staff every unit. Answers the
-- milliseconds each step took and the backups read: {"<step>": ms, ..., "new_backups": n,
-- "total": ms}.
-- Called by: api.job_analytics_refresh (the worker's scheduled "analytics_refresh" job, or
-- an admin's on-demand one); ops/seed.py; migrations/replaceables.py creates the views with
-- the same claims. Security: definer, owner ok_analytics_owner (only a materialized view's
-- owner may refresh it); granted to ok_owner. Raises nothing of its own.
-- requires: app.collect_backup_facts.sql
create or replace function analytics.refresh_snapshots()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  previous text := current_setting('request.jwt.claims', true);
  started timestamptz := clock_timestamp();
  step timestamptz;
  took jsonb := '{}';
begin
  perform set_config('request.jwt.claims', '{"role": "ok_admin", "actor": "analytics refresh"}', true);
  -- room to sort and hash a course's backups in memory (this transaction only)
  perform set_config('work_mem', '256MB', true);
  step := clock_timestamp();
  -- what the backups that arrived since the last refresh say, computed once each
  -- (and with it analytics.backup_runs, a view of them: appended to, not recomputed)
  took := took || jsonb_build_object('new_backups', app.collect_backup_facts());
  took := took || jsonb_build_object('collect', round(extract(epoch from clock_timestamp() - step) * 1000));
  step := clock_timestamp();
  refresh materialized view concurrently analytics.question_attempts;
  took := took || jsonb_build_object('question_attempts', round(extract(epoch from clock_timestamp() - step) * 1000));
  step := clock_timestamp();
  refresh materialized view concurrently analytics.final_submissions;
  took := took || jsonb_build_object('final_submissions', round(extract(epoch from clock_timestamp() - step) * 1000));
  step := clock_timestamp();
  refresh materialized view concurrently analytics.assignment_progress;
  took := took || jsonb_build_object('assignment_progress', round(extract(epoch from clock_timestamp() - step) * 1000));
  step := clock_timestamp();
  refresh materialized view concurrently analytics.assignment_activity_daily;
  took := took || jsonb_build_object('assignment_activity_daily', round(extract(epoch from clock_timestamp() - step) * 1000));
  step := clock_timestamp();
  refresh materialized view concurrently analytics.submissions_before_deadline;
  took := took || jsonb_build_object('submissions_before_deadline', round(extract(epoch from clock_timestamp() - step) * 1000));
  step := clock_timestamp();
  refresh materialized view concurrently analytics.student_scores;
  refresh materialized view concurrently analytics.score_distribution;
  refresh materialized view concurrently analytics.section_scores;
  took := took || jsonb_build_object('scores', round(extract(epoch from clock_timestamp() - step) * 1000));
  step := clock_timestamp();
  refresh materialized view concurrently analytics.extensions;
  refresh materialized view concurrently analytics.group_members;
  refresh materialized view concurrently analytics.enrollment_by_section;
  took := took || jsonb_build_object('extensions_groups_enrollment', round(extract(epoch from clock_timestamp() - step) * 1000));
  step := clock_timestamp();
  -- fresh statistics for researchers' queries (and the admin page's row counts)
  analyze analytics.question_attempts, analytics.final_submissions,
    analytics.assignment_progress, analytics.assignment_activity_daily, analytics.submissions_before_deadline,
    analytics.student_scores, analytics.score_distribution, analytics.section_scores, analytics.extensions,
    analytics.group_members, analytics.enrollment_by_section;
  took := took || jsonb_build_object('analyze', round(extract(epoch from clock_timestamp() - step) * 1000));
  refresh materialized view concurrently analytics.snapshot;
  perform set_config('request.jwt.claims', coalesce(previous, ''), true);
  return took || jsonb_build_object('total', round(extract(epoch from clock_timestamp() - started) * 1000));
end;
$$;

revoke all on function analytics.refresh_snapshots() from public;
grant execute on function analytics.refresh_snapshots() to ok_owner;
comment on function analytics.refresh_snapshots() is
'Recompute every analytics snapshot, concurrently; answers the milliseconds each took.';
