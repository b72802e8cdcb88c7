-- app.tg_grading_tasks__notify_highlight(): wakes the worker when grading tasks are made
-- (NOTIFY okv3_highlight), so the queued submissions' code is highlighted before graders
-- open it (api.highlight_backlog). Delivered at commit.
-- Called by: statement trigger _500_notify_highlight after insert on app.grading_tasks.
-- Security: invoker. Raises nothing.
create or replace function app.tg_grading_tasks__notify_highlight()
returns trigger
language plpgsql
volatile
as $$
begin
  perform pg_notify('okv3_highlight', '');
  return null;
end;
$$;

revoke all on function app.tg_grading_tasks__notify_highlight() from public;
