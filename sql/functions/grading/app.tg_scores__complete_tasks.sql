-- app.tg_scores__complete_tasks(): grading a backup completes its grading tasks: a new active
-- score marks every open task on that backup done (score_id set).
-- Called by: trigger _200_complete_tasks after insert on app.scores.
-- Security: definer (the grader may not own the task rows of other graders). Raises nothing.
create or replace function app.tg_scores__complete_tasks()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  update app.grading_tasks as t
  set score_id = NEW.id
  where t.backup_id = NEW.backup_id and t.score_id is null;
  return null;
end;
$$;

revoke all on function app.tg_scores__complete_tasks() from public;
