-- app.unit_progress(backup_id, is_submission, late_by): where a unit stands on an assignment,
-- said once, from its row of app.unit_finals: 'not_started' (no backup), 'backed_up' (backups,
-- no submission), 'late' (its submission that counts is late, app.late_by) or 'submitted' (on
-- time). Every page that sorts units or students by progress reads it.
-- Called by: api.course_page (a student's status on each assignment), api.assignment_stats
-- (units by progress), api.deadline_board (students by progress on the live board).
-- Security: invoker, immutable (no data). Granted to ok_api. Raises nothing.
create or replace function app.unit_progress(backup_id bigint, is_submission boolean, late_by interval)
returns text
language sql
immutable
parallel safe
as $$
  select case
    when unit_progress.backup_id is null then 'not_started'
    when not unit_progress.is_submission then 'backed_up'
    when unit_progress.late_by is not null then 'late'
    else 'submitted'
  end
$$;

revoke all on function app.unit_progress(bigint, boolean, interval) from public;
grant execute on function app.unit_progress(bigint, boolean, interval) to ok_api;
comment on function app.unit_progress(bigint, boolean, interval) is
'Where a unit stands on an assignment (from its final-submission row): not_started, backed_up, late or submitted; said once.';
